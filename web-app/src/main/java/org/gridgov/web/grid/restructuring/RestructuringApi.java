package org.gridgov.web.grid.restructuring;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.MergeCommand;
import org.gridgov.grid.MoveCommand;
import org.gridgov.grid.Restructurings;
import org.gridgov.grid.SplitCommand;
import org.gridgov.web.grid.restructuring.RestructuringJson.RestructuringPlan;
import org.gridgov.web.grid.restructuring.RestructuringJson.RestructuringResult;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/restructurings")
@Tag(name = "restructurings", description = "Split, merge and move units; each has a preview that writes nothing")
@PreAuthorize(Permissions.MANAGE_HIERARCHY)
class RestructuringApi {

    private final Restructurings restructurings;
    private final RestructuringMapper mapper;

    RestructuringApi(Restructurings restructurings, RestructuringMapper mapper) {
        this.restructurings = restructurings;
        this.mapper = mapper;
    }

    @PostMapping("/split/preview")
    RestructuringPlan previewSplit(@Valid @RequestBody SplitCommand command) {
        return mapper.toJson(restructurings.previewSplit(command));
    }

    @PostMapping("/split")
    @Operation(summary = "Split a community or grid; unlisted children and households go to the first part")
    RestructuringResult split(@Valid @RequestBody SplitCommand command, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(restructurings.split(command, user.username()));
    }

    @PostMapping("/merge/preview")
    RestructuringPlan previewMerge(@Valid @RequestBody MergeCommand command) {
        return mapper.toJson(restructurings.previewMerge(command));
    }

    @PostMapping("/merge")
    RestructuringResult merge(@Valid @RequestBody MergeCommand command, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(restructurings.merge(command, user.username()));
    }

    @PostMapping("/move/preview")
    RestructuringPlan previewMove(@Valid @RequestBody MoveCommand command) {
        return mapper.toJson(restructurings.previewMove(command));
    }

    @PostMapping("/move")
    RestructuringResult move(@Valid @RequestBody MoveCommand command, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(restructurings.move(command, user.username()));
    }
}
