package org.gridgov.web.work.warnings;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.web.work.warnings.WarningJson.DoorKnockTaskView;
import org.gridgov.web.work.warnings.WarningJson.WarningProgress;
import org.gridgov.web.work.warnings.WarningJson.WarningView;
import org.gridgov.work.DoorKnockMark;
import org.gridgov.work.NewWarning;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Warnings' mapping: the API's bodies and the pages' forms to the domain's commands (issue a warning, mark a
 * door-knock task), and the domain's views to the API's records.
 */
@Mapper
interface WarningMapper {

    NewWarning toCommand(WarningApi.Issue issue);

    /** The page's warning; its expiry is entered in the platform's zone and given here as an instant. */
    @Mapping(target = "expiresAt", source = "expiresAt")
    NewWarning toCommand(WarningForm form, Instant expiresAt);

    DoorKnockMark toMark(WarningApi.Mark mark);

    /** The page's mark; the page has checked that outcome and version are there. */
    DoorKnockMark toMark(DoorKnockForm form);

    WarningView toJson(org.gridgov.work.WarningView warning);

    List<WarningView> toWarnings(List<org.gridgov.work.WarningView> warnings);

    WarningProgress toJson(org.gridgov.work.WarningProgress progress);

    DoorKnockTaskView toJson(org.gridgov.work.DoorKnockTaskView task);

    List<DoorKnockTaskView> toTasks(List<org.gridgov.work.DoorKnockTaskView> tasks);

    /** Colours as they are: enum constants need no copy, and a copy could change their order in the JSON. */
    default Set<HouseholdTag> colours(Set<HouseholdTag> colours) {
        return colours;
    }

    default Set<SpecialGroup> groups(Set<SpecialGroup> groups) {
        return groups;
    }
}
