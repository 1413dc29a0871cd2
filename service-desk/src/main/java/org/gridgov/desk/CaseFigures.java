package org.gridgov.desk;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The counts behind every closure figure (cohort: the cases received — reported — in the period). The rates are
 * derived here and nowhere else, so the page, the API and the monthly report show the same numbers; a rate whose
 * denominator is zero is empty (shown as "—"), never 0 % or 100 %.
 *
 * @param received           受理量 — cases reported
 * @param due                应结案数 — received and not cancelled (invalid or duplicate)
 * @param deferred           延期未到期 — due cases still open whose deadline was extended (延期) and has not passed
 * @param closed             结案数 — due cases closed (verified, or handled on the spot), including those evaluated since
 * @param closedOnTime       按期结案数 — closed without any stage passing its red deadline
 * @param reworked           返工 — closed cases that failed verification at least once
 * @param extended           延期 — due cases whose deadline was extended at least once
 * @param handledOnSpot      自行处置 — closed by a grid worker on the spot
 * @param callbacks          回访 — closed cases with a callback result
 * @param satisfied          满意
 * @param basicallySatisfied 基本满意
 * @param handlingSeconds    the total time from report to closure over the closed cases, in seconds
 * @param overdue            超期 — open cases whose running stage is past its red deadline
 * @param redSupervised      红牌督办 — cases under red supervision
 * @param escalatedToCommunity 吹哨到社区 — escalations that reached the community
 * @param escalatedToStreet    吹哨到街道
 * @param escalatedToDepartment 吹哨到区县部门
 * @param shelved            挂账 — on the long-term ledger now: neither overdue nor closed, and not due for closure
 */
public record CaseFigures(long received, long due, long deferred, long closed, long closedOnTime, long reworked,
                          long extended, long handledOnSpot, long callbacks, long satisfied, long basicallySatisfied,
                          long handlingSeconds, long overdue, long redSupervised, long escalatedToCommunity,
                          long escalatedToStreet, long escalatedToDepartment, long shelved) {

    public static final CaseFigures NONE = new CaseFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of a period without cases on the long-term ledger. */
    public CaseFigures(long received, long due, long deferred, long closed, long closedOnTime, long reworked,
                       long extended, long handledOnSpot, long callbacks, long satisfied, long basicallySatisfied,
                       long handlingSeconds, long overdue, long redSupervised, long escalatedToCommunity,
                       long escalatedToStreet, long escalatedToDepartment) {
        this(received, due, deferred, closed, closedOnTime, reworked, extended, handledOnSpot, callbacks, satisfied,
                basicallySatisfied, handlingSeconds, overdue, redSupervised, escalatedToCommunity, escalatedToStreet,
                escalatedToDepartment, 0);
    }

    /** 结案率 = closed / (due − deferred − 挂账), a percentage with two decimals. */
    public Optional<BigDecimal> closureRate() {
        return Rates.percent(closed, due - deferred - shelved);
    }

    /** 按期结案率 = closed on time / (due − deferred − 挂账). */
    public Optional<BigDecimal> onTimeRate() {
        return Rates.percent(closedOnTime, due - deferred - shelved);
    }

    /** 返工率 = reworked / closed. */
    public Optional<BigDecimal> reworkRate() {
        return Rates.percent(reworked, closed);
    }

    /** 延期率 = extended / due. */
    public Optional<BigDecimal> extensionRate() {
        return Rates.percent(extended, due);
    }

    /** 自行处置率 = handled on the spot / closed. */
    public Optional<BigDecimal> onSpotRate() {
        return Rates.percent(handledOnSpot, closed);
    }

    /** 回访率 = callbacks / closed. */
    public Optional<BigDecimal> callbackRate() {
        return Rates.percent(callbacks, closed);
    }

    /** 满意率 = (satisfied + basically satisfied) / callbacks. */
    public Optional<BigDecimal> satisfactionRate() {
        return Rates.percent(satisfied + basicallySatisfied, callbacks);
    }

    /** 平均处置时长 — hours from report to closure over the closed cases, one decimal. */
    public Optional<BigDecimal> averageHandlingHours() {
        return Rates.averageHours(handlingSeconds, closed);
    }

    public long escalations() {
        return escalatedToCommunity + escalatedToStreet + escalatedToDepartment;
    }

    public CaseFigures plus(CaseFigures o) {
        return new CaseFigures(received + o.received, due + o.due, deferred + o.deferred, closed + o.closed,
                closedOnTime + o.closedOnTime, reworked + o.reworked, extended + o.extended,
                handledOnSpot + o.handledOnSpot, callbacks + o.callbacks, satisfied + o.satisfied,
                basicallySatisfied + o.basicallySatisfied, handlingSeconds + o.handlingSeconds, overdue + o.overdue,
                redSupervised + o.redSupervised, escalatedToCommunity + o.escalatedToCommunity,
                escalatedToStreet + o.escalatedToStreet, escalatedToDepartment + o.escalatedToDepartment,
                shelved + o.shelved);
    }
}
