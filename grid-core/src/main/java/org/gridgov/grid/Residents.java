package org.gridgov.grid;

import java.util.List;

/** 人 — residents within the caller's data scope; ID numbers and phones only ever leave masked. */
public interface Residents {

    /** The longest search text: longer is neither a name (50 characters at most) nor a number. */
    int MAX_QUERY = 50;

    /**
     * Residents in a unit's subtree whose name contains {@code q}; when {@code q} is a full ID number or phone, the
     * one whose number it is, through {@link ResidentLookups} (limited per {@code caller}, the signed-in user's name,
     * and audited).
     *
     * @throws TooManyLookupsException when {@code q} is a number and the caller's look-ups are used up
     */
    PageResult<ResidentView> search(long unitId, String q, int page, int size, String caller);

    List<ResidentView> ofHousehold(long householdId);

    ResidentView get(long id);

    @Audited(action = "RESIDENT_CREATE", object = "resident")
    ResidentView create(ResidentForm form);

    @Audited(action = "RESIDENT_UPDATE", object = "resident", idParam = 0)
    ResidentView update(long id, ResidentForm form);

    /**
     * The full ID number and phone of a resident in scope, decrypted: only for a caller allowed to see them, who must
     * record that it was done (the web layer checks the permission; every call is audited).
     */
    @Audited(action = "UNMASK", object = "resident", idParam = 0)
    ResidentContact unmask(long id);
}
