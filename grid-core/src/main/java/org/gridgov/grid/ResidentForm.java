package org.gridgov.grid;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/**
 * Create or edit a resident. {@code idNumber} is the number of the resident's document ({@code documentType}, a
 * 居民身份证 when not named), checked by that document's rule ({@link DocumentType#accepts}); one of GB 11643's form is
 * checked against the gender and, when one is given, the birth date (left out, the birth date is the number's: it is
 * never shown, only the age); a passport or an older permanent residence card needs the birth date; no document is
 * for a child under 16. When editing, a blank number or phone keeps the stored one (never shown unmasked).
 */
public record ResidentForm(
        @NotNull Long householdId,
        @NotBlank @Size(max = 50) String name,
        @NotNull Gender gender,
        @Past LocalDate birthDate,
        @Size(max = 24) String idNumber,
        @ValidPhone String phone,
        @NotNull Relation relation,
        Set<SpecialGroup> specialGroups,
        Long version,
        DocumentType documentType) {

    /** A resident with a 居民身份证 (the document most residents have). */
    public ResidentForm(Long householdId, String name, Gender gender, LocalDate birthDate, String idNumber,
                        String phone, Relation relation, Set<SpecialGroup> specialGroups, Long version) {
        this(householdId, name, gender, birthDate, idNumber, phone, relation, specialGroups, version, null);
    }

    /** The document's kind: a 居民身份证 when none is named. */
    public DocumentType document() {
        return documentType == null ? DocumentType.ID_CARD : documentType;
    }
}
