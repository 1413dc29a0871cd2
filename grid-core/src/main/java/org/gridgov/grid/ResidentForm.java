package org.gridgov.grid;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/**
 * Create or edit a resident. The ID number is checked against GB 11643 and against the birth date and gender;
 * when editing, a blank ID number or phone keeps the stored one (the form never shows them unmasked).
 */
public record ResidentForm(
        @NotNull Long householdId,
        @NotBlank @Size(max = 50) String name,
        @NotNull Gender gender,
        @NotNull @Past LocalDate birthDate,
        @ValidIdNumber String idNumber,
        @ValidPhone String phone,
        @NotNull Relation relation,
        Set<SpecialGroup> specialGroups,
        Long version) {
}
