package org.gridgov.web.party.reviews;


import org.gridgov.web.party.reviews.PartyReviewJson.CoverageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.party.PartyCoverage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/party/coverage")
@Tag(name = "party coverage", description = "Drill-down of party work by level: tier-1 grids with a branch, members"
        + " registered per grid, needs and wishes claimed and completed, service hours, evaluations, star scores")
class CoverageApi {

    private final PartyCoverage coverage;
    private final Hierarchy hierarchy;
    private final PlatformTime time;
    private final PartyReviewMapper mapper;

    CoverageApi(PartyCoverage coverage, Hierarchy hierarchy, PlatformTime time, PartyReviewMapper mapper) {
        this.coverage = coverage;
        this.hierarchy = hierarchy;
        this.time = time;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "Coverage of a unit (default the caller's root) and of each of its active children for a"
            + " year (default this year); a unit outside the caller's area is 404")
    CoverageView coverage(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year) {
        return mapper.toJson(coverage.coverage(unitId == null ? hierarchy.root().id() : unitId,
                year == null ? time.thisYear() : year));
    }
}
