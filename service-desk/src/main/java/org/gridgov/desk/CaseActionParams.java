package org.gridgov.desk;

/**
 * The parameters an action may need; each action reads only its own and ignores the rest:
 * {@code target} for 派遣/吹哨/重办, {@code reason} for 退回/核查不通过/申请延期 (optional text elsewhere),
 * {@code cancelReason} and {@code duplicateOf} for 作废, {@code extensionDays} for 申请延期, {@code supervision} for
 * 督办, {@code satisfaction} for 回访.
 */
public record CaseActionParams(Assignee target, String reason, CancelReason cancelReason, CaseCode duplicateOf,
        Integer extensionDays, SupervisionLevel supervision, Satisfaction satisfaction) {

    private static final CaseActionParams NONE = new CaseActionParams(null, null, null, null, null, null, null);

    public CaseActionParams {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    public static CaseActionParams none() {
        return NONE;
    }

    public static CaseActionParams target(Assignee target) {
        return new CaseActionParams(target, null, null, null, null, null, null);
    }

    public static CaseActionParams reason(String reason) {
        return new CaseActionParams(null, reason, null, null, null, null, null);
    }

    public static CaseActionParams cancel(CancelReason why, CaseCode duplicateOf) {
        return new CaseActionParams(null, null, why, duplicateOf, null, null, null);
    }

    public static CaseActionParams extension(Integer days, String reason) {
        return new CaseActionParams(null, reason, null, null, days, null, null);
    }

    public static CaseActionParams supervision(SupervisionLevel level) {
        return new CaseActionParams(null, null, null, null, null, level, null);
    }

    public static CaseActionParams satisfaction(Satisfaction result) {
        return new CaseActionParams(null, null, null, null, null, null, result);
    }
}
