package org.gridgov.grid;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/**
 * Create or edit a resident. The ID number is checked against GB 11643 and against the gender and, when one is given,
 * the birth date (left out, the birth date is the ID number's: it is never shown, only the age); when editing, a
 * blank ID number or phone keeps the stored one (the form never shows them unmasked).
 */
public record ResidentForm(
        @NotNull Long householdId,
        @NotBlank @Size(max = 50) String name,
        @NotNull Gender gender,
        @Past LocalDate birthDate,
        @ValidIdNumber String idNumber,
        @ValidPhone String phone,
        @NotNull Relation relation,
        Set<SpecialGroup> specialGroups,
        Long version) {
}
