package org.gridgov.party;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Found a party organization at a unit of the hierarchy, under {@code parentId} (required for every type but the
 * street working committee). {@code joint} marks a joint organization (联合), which lists its member units.
 */
public record NewOrganization(
        @NotBlank @Size(max = 100) String name,
        @NotNull PartyOrgType type,
        Boolean joint,
        Long parentId,
        @NotNull Long unitId,
        @Size(max = 50) String secretaryName,
        LocalDate foundedOn,
        @Valid @Size(max = 30) List<MemberUnit> memberUnits) {

    /** Absent means not joint. */
    public boolean jointOrganization() {
        return Boolean.TRUE.equals(joint);
    }
}
