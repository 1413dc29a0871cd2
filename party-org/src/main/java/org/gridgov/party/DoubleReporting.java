package org.gridgov.party;

import java.util.List;

/**
 * 双报到 — work-unit party organizations and in-service members register with the community (or grid) where they are
 * located or live; the community's party organization approves or rejects.
 */
public interface DoubleReporting {

    RegistrationView registerUnit(NewUnitRegistration command);

    RegistrationView registerMember(NewMemberRegistration command);

    RegistrationView get(RegistrationKind kind, long id);

    /**
     * Decides a pending registration. Only the community's own party organization decides: {@code deciderUnitId} is
     * the unit the deciding secretary is bound to and must be the registration's community.
     */
    RegistrationView decide(RegistrationKind kind, long id, RegistrationDecision decision, long deciderUnitId,
                            String decidedBy);

    /** Registrations of both kinds in a unit's subtree, optionally of one status, newest first. */
    List<RegistrationView> list(long unitId, RegistrationStatus status);

    /** 报到名册 — the approved registrations of a grid (or of any unit's subtree). */
    List<RegistrationView> roster(long unitId);
}
