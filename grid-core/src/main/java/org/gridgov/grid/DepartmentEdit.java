package org.gridgov.grid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Rename or retire a department, at the version the editor saw.
 *
 * @param retired true retires the department from today on (a retired one cannot be revived: create a new one)
 */
public record DepartmentEdit(@NotNull Long version, @NotBlank @Size(max = 100) String name, boolean retired) {
}
