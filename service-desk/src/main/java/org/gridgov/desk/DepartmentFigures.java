package org.gridgov.desk;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The counts behind a department's figures (cohort: what was dispatched to it in the period). The rates are derived
 * here and nowhere else; a rate whose denominator is zero is empty (shown as "—").
 *
 * @param received        接收 — dispatched to it as the lead (主办)
 * @param assisted        协办 — dispatched to it as an assisting department
 * @param assistReported  协办反馈 — assisting parts it reported
 * @param signed          签收
 * @param signedOnTime    按时签收 — signed before the sign deadline's red threshold
 * @param returned        退回
 * @param completed       办结 — reported back (处置反馈)
 * @param completedOnTime 按期办结 — reported back with no sign or handling stage past red
 * @param reworks         返工 — failed verifications of its work
 * @param extensions      延期 — extensions approved while it held the case
 * @param callbacks       回访 — callbacks of the cases it completed
 * @param satisfied       满意 + 基本满意
 * @param handlingSeconds total time from dispatch to report back over the completed ones
 * @param open            在办 — with it now
 * @param overdue         超期 — with it now and past red
 * @param shelved         挂账 — with it and on the long-term ledger now
 */
public record DepartmentFigures(long received, long assisted, long assistReported, long signed, long signedOnTime,
                                long returned, long completed, long completedOnTime, long reworks, long extensions,
                                long callbacks, long satisfied, long handlingSeconds, long open, long overdue,
                                long shelved) {

    public static final DepartmentFigures NONE = new DepartmentFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0);

    /** The counts in the order of the rollup's columns (desk.case_department_contribution). */
    public static DepartmentFigures of(long[] v) {
        return new DepartmentFigures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], v[14], v[15]);
    }

    /** 按时签收率 = signed on time / received. */
    public Optional<BigDecimal> signOnTimeRate() {
        return Rates.percent(signedOnTime, received);
    }

    /** 按期办结率 = completed on time / completed. */
    public Optional<BigDecimal> completionOnTimeRate() {
        return Rates.percent(completedOnTime, completed);
    }

    /** 退回率 = returned / received. */
    public Optional<BigDecimal> returnRate() {
        return Rates.percent(returned, received);
    }

    /** 满意率 = satisfied / callbacks. */
    public Optional<BigDecimal> satisfactionRate() {
        return Rates.percent(satisfied, callbacks);
    }

    /** 平均办理时长 — hours from dispatch to report back over the completed ones, one decimal. */
    public Optional<BigDecimal> averageHandlingHours() {
        return Rates.averageHours(handlingSeconds, completed);
    }
}
