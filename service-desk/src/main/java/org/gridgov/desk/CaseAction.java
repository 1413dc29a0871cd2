package org.gridgov.desk;

/**
 * 事件操作 — what a user can do to a case. Which action is allowed in which {@link CaseStatus} and for which
 * {@link DeskRole} is listed in one table: see {@link CaseWorkflows}.
 */
public enum CaseAction {

    /** 上报 — creates the case ({@link CaseFile#report}); never applies to an existing case. */
    REPORT,
    /** 立案 — a dispatcher accepts the report as a case. */
    REGISTER,
    /** 作废 — a dispatcher cancels the report: invalid, or a duplicate of another case (its code required). */
    CANCEL,
    /** 派遣 — a dispatcher assigns the case to a grid, community, street or county department. */
    DISPATCH,
    /** 签收 — the assignee takes the case and starts handling it. */
    SIGN,
    /** 退回 — the assignee refuses the case (reason required); it goes back to the dispatcher. */
    RETURN,
    /** 处置反馈 — the assignee reports what was done. */
    REPORT_BACK,
    /** 核查通过 — the dispatcher verifies the result and closes the case (结案). */
    VERIFY_PASS,
    /** 核查不通过 — the dispatcher sends the case back for rework (返工, counted; reason required). */
    VERIFY_FAIL,
    /** 吹哨 — escalate one level up: grid → community → street → county department (定向派单). */
    ESCALATE,
    /** 申请延期 — the assignee asks for more days (reason required). */
    REQUEST_EXTENSION,
    /** 批准延期 — the dispatcher grants the pending extension. */
    APPROVE_EXTENSION,
    /** 驳回延期 — the dispatcher refuses the pending extension. */
    REJECT_EXTENSION,
    /** 督办 — a superior sets the supervision level (normal / yellow / red). */
    SUPERVISE,
    /** 自行处置 — a grid worker solves a simple case on the spot and closes it with a photo (counted separately). */
    HANDLE_ON_SPOT,
    /** 回访 — the resident's satisfaction after closure. */
    CALLBACK,
    /** 重办 — a dispatcher reopens a case whose callback was unsatisfied. */
    REOPEN
}
