package org.gridgov.party.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.gridgov.grid.DataScope;
import org.hibernate.annotations.Filter;

/** 驻区单位报到 — a work unit's party organization registered with the community where it is located. */
@Entity
@Table(schema = "party", name = "unit_registration")
@Filter(name = DataScope.FILTER, condition = "unit_path like :" + DataScope.FILTER_PARAM)
class UnitRegistration extends Registration {

    private String unitName;
    private String address;
    private String resources;
    private String agreement;

    protected UnitRegistration() {
    }

    UnitRegistration(RegistrationPlace place, String unitName, String address, String resources, String agreement,
                     Instant registeredAt) {
        super(place, registeredAt);
        this.unitName = unitName;
        this.address = address;
        this.resources = resources;
        this.agreement = agreement;
    }

    String unitName() {
        return unitName;
    }

    String address() {
        return address;
    }

    String resources() {
        return resources;
    }

    String agreement() {
        return agreement;
    }
}
