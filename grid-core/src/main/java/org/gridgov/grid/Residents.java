package org.gridgov.grid;

import java.util.List;

/** 人 — residents within the caller's data scope; ID numbers and phones only ever leave masked. */
public interface Residents {

    /** Residents in a unit's subtree whose name contains {@code q}, or whose ID number or phone equals it. */
    PageResult<ResidentView> search(long unitId, String q, int page, int size);

    List<ResidentView> ofHousehold(long householdId);

    ResidentView get(long id);

    ResidentView create(ResidentForm form);

    ResidentView update(long id, ResidentForm form);
}
