package org.gridgov.desk;

/**
 * 上报 — files the case ({@link CaseFile#report}); its first timeline entry. It has no row in the transition table,
 * so applying it to an existing case is always refused ({@code case.action.notAllowed}).
 */
public record Report() implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_REPORT, fields -> new Report());

    @Override
    public CaseAction kind() {
        return CaseAction.REPORT;
    }
}
