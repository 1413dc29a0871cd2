package org.gridgov.desk;

/** 诉求性质 — what the person reporting a case is asking for. */
public enum RequestNature {

    /** 投诉 — a complaint about something or someone. */
    COMPLAINT,
    /** 咨询 — a question to be answered. */
    INQUIRY,
    /** 求助 — a request for help. */
    HELP,
    /** 建议 — a suggestion. */
    SUGGESTION,
    /** 举报 — a report of wrongdoing. */
    REPORT
}
