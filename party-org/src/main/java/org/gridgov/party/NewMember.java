package org.gridgov.party;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** Record a resident as a member of an organization. {@code deputy}: one of 两代表一委员. */
public record NewMember(
        @NotNull Long residentId,
        @NotNull Long organizationId,
        @NotNull MemberCategory category,
        @Size(max = 100) String workUnit,
        @PastOrPresent LocalDate joinedOn,
        Boolean deputy) {

    /** Absent means no. */
    public boolean deputyOrCppcc() {
        return Boolean.TRUE.equals(deputy);
    }
}
