package org.gridgov.grid.internal;

import java.io.Serializable;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A retired unit and one unit that took over from it. */
@Entity
@Table(schema = "grid", name = "unit_succession")
class UnitSuccession {

    @EmbeddedId
    private Key key;

    protected UnitSuccession() {
    }

    UnitSuccession(long restructuringId, long predecessorId, long successorId) {
        this.key = new Key(restructuringId, predecessorId, successorId);
    }

    @Embeddable
    record Key(Long restructuringId, Long predecessorId, Long successorId) implements Serializable {
    }
}
