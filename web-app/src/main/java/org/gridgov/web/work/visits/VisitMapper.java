package org.gridgov.web.work.visits;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.gridgov.grid.DomainException;
import org.gridgov.work.NewVisit;
import org.gridgov.work.RaiseCase;
import org.gridgov.work.TeamMember;
import org.gridgov.work.TeamRole;
import org.gridgov.web.support.PageResult;
import org.gridgov.web.work.visits.VisitJson.CoverageRow;
import org.gridgov.web.work.visits.VisitJson.DueHousehold;
import org.gridgov.web.work.visits.VisitJson.VisitRequest;
import org.gridgov.web.work.visits.VisitJson.VisitView;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/**
 * Visits' mapping: the API's request and the page's form to the one command {@link NewVisit}, so the two ways of
 * recording a visit cannot drift apart, and the domain's views to the API's records.
 */
@Mapper
interface VisitMapper {

    /** The posted visit, at {@code visitedAt} (the request's own, or now when it gave none). */
    @Mapping(target = "visitedAt", source = "visitedAt")
    NewVisit toCommand(VisitRequest request, OffsetDateTime visitedAt);

    /**
     * The page's visit: the ticked staff ("ROLE|name") and the others named, the visit time entered in the platform's
     * zone, the case to raise only when ticked.
     */
    @Mapping(target = "householdId", source = "householdId")
    @Mapping(target = "visitedAt", expression = "java(form.getVisitedAt().atZone(zone).toOffsetDateTime())")
    @Mapping(target = "team", source = "form", qualifiedByName = "team")
    @Mapping(target = "photoIds", source = "photoIds")
    @Mapping(target = "raiseCase", source = "form", qualifiedByName = "raiseCase")
    NewVisit toCommand(VisitForm form, long householdId, List<Long> photoIds, @Context ZoneId zone);

    @Named("team")
    default List<TeamMember> team(VisitForm form) {
        List<TeamMember> team = new ArrayList<>();
        for (String ticked : form.getTeam()) {
            int bar = ticked.indexOf('|');
            if (bar > 0) {
                try {
                    team.add(new TeamMember(TeamRole.valueOf(ticked.substring(0, bar)), ticked.substring(bar + 1)));
                }
                catch (IllegalArgumentException ex) {
                    throw DomainException.onField("team", "visit.team.nameRequired");
                }
            }
        }
        if (form.getOthers() != null) {
            for (String name : form.getOthers().split("[,,、]")) {
                if (!name.isBlank()) {
                    team.add(new TeamMember(TeamRole.OTHER, name.strip()));
                }
            }
        }
        return team;
    }

    @Named("raiseCase")
    default RaiseCase raiseCase(VisitForm form) {
        return form.isRaiseCase() ? new RaiseCase(form.getCaseCategory(), form.getCaseDescription(),
                form.isCaseUrgent()) : null;
    }

    VisitView toJson(org.gridgov.work.VisitView visit);

    List<VisitView> toVisits(List<org.gridgov.work.VisitView> visits);

    DueHousehold toJson(org.gridgov.work.DueHousehold due);

    default PageResult<DueHousehold> toJson(org.gridgov.grid.PageResult<org.gridgov.work.DueHousehold> page) {
        return PageResult.of(page, this::toJson);
    }

    List<CoverageRow> toCoverage(List<org.gridgov.work.CoverageRow> rows);
}
