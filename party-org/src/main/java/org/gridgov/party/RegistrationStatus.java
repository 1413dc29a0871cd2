package org.gridgov.party;

/** Where a double-reporting registration (双报到) stands. */
public enum RegistrationStatus {
    /** 待审核 */
    PENDING,
    /** 已通过 */
    APPROVED,
    /** 未通过 */
    REJECTED
}
