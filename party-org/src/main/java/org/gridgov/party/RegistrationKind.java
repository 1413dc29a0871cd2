package org.gridgov.party;

/** Who registers: a work unit's party organization (单位) or an in-service member (个人). */
public enum RegistrationKind {
    UNIT, MEMBER
}
