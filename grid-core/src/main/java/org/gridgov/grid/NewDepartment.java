package org.gridgov.grid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create a department under a county or a street; its code is the parent's code, {@code 9} and the two-digit
 * suffix (the 9xx block, which no street, township or community code uses).
 */
public record NewDepartment(
        @NotNull Long parentId,
        @NotBlank @Pattern(regexp = "[0-9]{2}", message = "{department.codeSuffix.invalid}") String codeSuffix,
        @NotBlank @Size(max = 100) String name) {
}
