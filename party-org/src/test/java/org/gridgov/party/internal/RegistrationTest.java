package org.gridgov.party.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.gridgov.grid.DomainException;
import org.gridgov.party.RegistrationStatus;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    static final long COMMUNITY = 23L;
    static final Instant REGISTERED = Instant.parse("2026-12-04T02:00:00Z");
    static final Instant DECIDED = REGISTERED.plusSeconds(3600);

    static UnitRegistration aRegistration() {
        return new UnitRegistration(new RegistrationPlace(40L, "/1/5/23/40/", COMMUNITY, 7L), "县供电公司党委",
                "人民路 1 号", "电工志愿服务", null, REGISTERED);
    }

    @Test
    void startsPendingAndIsApprovedByTheCommunity() {
        UnitRegistration registration = aRegistration();
        assertThat(registration.status()).isEqualTo(RegistrationStatus.PENDING);
        registration.decide(true, null, COMMUNITY, "party1", DECIDED);
        assertThat(registration.status()).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(registration.decidedBy()).isEqualTo("party1");
        assertThat(registration.decidedAt()).isEqualTo(DECIDED);
    }

    @Test
    void rejectsADeciderBoundToAnotherUnit() {
        UnitRegistration registration = aRegistration();
        assertThatThrownBy(() -> registration.decide(true, null, 5L, "street-secretary", DECIDED))
                .isInstanceOf(DomainException.class).hasMessage("party.registration.notCommunity");
        assertThat(registration.status()).isEqualTo(RegistrationStatus.PENDING);
    }

    @Test
    void needsAReasonToRejectAndDecidesOnlyOnce() {
        UnitRegistration registration = aRegistration();
        assertThatThrownBy(() -> registration.decide(false, "  ", COMMUNITY, "party1", DECIDED))
                .hasMessage("party.registration.reasonRequired");
        registration.decide(false, "不在本社区", COMMUNITY, "party1", DECIDED);
        assertThat(registration.status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(registration.decisionReason()).isEqualTo("不在本社区");
        assertThatThrownBy(() -> registration.decide(true, null, COMMUNITY, "party1", DECIDED))
                .hasMessage("party.registration.alreadyDecided");
    }
}
