package org.gridgov.grid;

import java.util.List;

/**
 * 精确查询 — finding a resident by a full ID number or phone. Each such look-up is an oracle (it answers "is this the
 * number?"), so it is limited per user ({@code gridgov.security.lookup.per-minute}, default 5, and
 * {@code gridgov.security.lookup.per-day}, default 40, counted on every node alike), audited (who, which kind, the
 * masked value, found or not) and refused beyond the limit with {@link TooManyLookupsException}.
 * {@link Residents#search} comes here whenever its text is an ID number or a phone, so no way round it is left.
 */
public interface ResidentLookups {

    /** What an exact look-up is by. */
    enum Kind { ID_NUMBER, PHONE }

    /**
     * A look-up by {@code caller} (the user name the limit is counted for) in the subtree of {@code unitId};
     * {@code text} is the ID number or phone as typed. The audit row shows the kind and the masked value only.
     */
    record Lookup(String caller, long unitId, String text) implements AuditSubject {

        /** The kind of the text, or null when it is neither a well-formed ID number nor a valid phone. */
        public Kind kind() {
            return kindOf(text);
        }

        @Override
        public String auditDetail() {
            Kind kind = kind();
            if (kind == null) {
                return null;
            }
            return kind + " " + (kind == Kind.ID_NUMBER ? IdNumbers.mask(text) : PhoneNumbers.mask(text));
        }

        @Override
        public String toString() {
            return "Lookup[" + caller + ", " + unitId + ", " + auditDetail() + "]";
        }
    }

    /** The residents in scope the look-up found (none, or one, as a number belongs to one person). */
    record Found(Kind kind, List<Long> residentIds) implements AuditSubject {

        public Found {
            residentIds = List.copyOf(residentIds);
        }

        @Override
        public String auditName() {
            return residentIds.isEmpty() ? "none" : String.join(",", residentIds.stream().map(String::valueOf)
                    .toList());
        }

        @Override
        public String auditDetail() {
            return residentIds.isEmpty() ? "not found" : "found " + residentIds.size();
        }
    }

    /** The kind a search text is meant as: a well-formed ID number, a valid phone, or null for neither. */
    static Kind kindOf(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (IdNumbers.isWellFormed(trimmed)) {
            return Kind.ID_NUMBER;
        }
        if (PhoneNumbers.isValid(trimmed)) {
            return Kind.PHONE;
        }
        return null;
    }

    /**
     * The residents in scope with this ID number or phone, counted against the caller's limit.
     *
     * @throws TooManyLookupsException when the caller has used up the minute's or the day's look-ups
     * @throws IllegalArgumentException when the text is neither an ID number nor a phone
     */
    @Audited(action = "RESIDENT_LOOKUP", object = "resident", detailParam = 0, unnamed = "lookup")
    Found lookUp(Lookup lookup);
}
