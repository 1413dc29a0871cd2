package org.gridgov.work;

/** Why a warning closed: every task done, its expiry passed, or its issuer closed it early. */
public enum WarningCloseReason {
    ALL_DONE, EXPIRED, EARLY
}
