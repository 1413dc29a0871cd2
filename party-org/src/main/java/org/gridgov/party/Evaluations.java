package org.gridgov.party;

import java.util.List;

/**
 * 双评议 — each year the community and the work unit each evaluate every registered member and unit once, with the
 * service record beside the grade.
 */
public interface Evaluations {

    /** Records one side's evaluation; a second one by the same side for the same subject and year is refused. */
    EvaluationView evaluate(NewEvaluation command, String evaluatedBy);

    /**
     * The approved registrations in a unit's subtree with their service record and grades for the year;
     * {@code workUnit}, when given, keeps only members of that work unit (or the unit itself).
     */
    List<ServiceRecord> records(long unitId, int year, String workUnit);
}
