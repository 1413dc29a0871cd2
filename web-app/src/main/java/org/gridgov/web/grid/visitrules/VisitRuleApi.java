package org.gridgov.web.grid.visitrules;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.VisitRules;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/visit-rules")
@Tag(name = "visit-rules", description = "三色管理: visit interval in days per household colour")
class VisitRuleApi {

    private final VisitRules rules;

    VisitRuleApi(VisitRules rules) {
        this.rules = rules;
    }

    record Interval(@NotNull @Min(1) @Max(366) Integer days) {
    }

    @GetMapping
    Map<HouseholdTag, Integer> intervals() {
        return rules.intervals();
    }

    @PutMapping("/{tag}")
    @PreAuthorize(Permissions.EDIT_VISIT_RULES)
    @Operation(summary = "Set the visit interval of one colour (district admins)")
    Map<HouseholdTag, Integer> set(@PathVariable HouseholdTag tag, @Valid @RequestBody Interval interval,
                                   @AuthenticationPrincipal GridGovUser user) {
        rules.setInterval(tag, interval.days(), user.username());
        return rules.intervals();
    }
}
