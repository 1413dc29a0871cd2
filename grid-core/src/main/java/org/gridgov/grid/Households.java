package org.gridgov.grid;

import java.time.LocalDate;
import java.util.List;

/** 户 — households within the caller's data scope. */
public interface Households {

    /**
     * Households in a unit's subtree, filtered by house code prefix or address fragment ({@code q}); with
     * {@code asOf}, the households that were placed there on that day.
     */
    PageResult<HouseholdView> search(long unitId, String q, LocalDate asOf, int page, int size);

    HouseholdView get(long id);

    List<HouseholdPlacementView> history(long id);

    HouseholdView create(HouseholdForm form);

    HouseholdView update(long id, HouseholdForm form);
}
