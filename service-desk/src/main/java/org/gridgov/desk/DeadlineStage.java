package org.gridgov.desk;

/** A stage of a case that runs against a time limit of its category: 签收, 处置, 核查. */
public enum DeadlineStage {

    /** 签收 — from dispatch to signing for the case. */
    SIGN("sign"),
    /** 处置 — from signing to the report back. */
    HANDLE("handle"),
    /** 核查 — from the report back to the verification. */
    VERIFY("verify");

    private final String field;

    DeadlineStage(String field) {
        this.field = field;
    }

    /** The prefix of this stage's fields in forms and commands: {@code signYellow}, {@code signRed}, {@code signUnit}. */
    public String field() {
        return field;
    }
}
