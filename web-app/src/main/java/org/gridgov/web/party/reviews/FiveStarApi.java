package org.gridgov.web.party.reviews;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.party.FiveStarBranches;
import org.gridgov.party.NewLedgerItem;
import org.gridgov.party.StarCriteria;
import org.gridgov.web.party.reviews.PartyReviewJson.LedgerItemView;
import org.gridgov.web.party.reviews.PartyReviewJson.StarScoreView;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "five-star branches", description = "五星支部: a branch's yearly score on five criteria (支部过硬, 共建共享,"
        + " 平安法治, 幸福和谐, 宜业兴业; stars = criteria met) and its problem ledger 问题台账, closed item by item"
        + " (对账销号) with a result note; open items past their deadline are overdue")
class FiveStarApi {

    /** 销号: the result of the work on a ledger item, and the version read. */
    record Closure(@Size(max = 1000) String resultNote, @NotNull Long version) {
    }

    private final FiveStarBranches branches;
    private final Hierarchy hierarchy;
    private final PlatformTime time;
    private final PartyReviewMapper mapper;

    FiveStarApi(FiveStarBranches branches, Hierarchy hierarchy, PlatformTime time, PartyReviewMapper mapper) {
        this.branches = branches;
        this.hierarchy = hierarchy;
        this.time = time;
        this.mapper = mapper;
    }

    @PutMapping("/branches/{id}/stars")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Score (or re-score) a branch for a year on the five criteria")
    StarScoreView score(@PathVariable long id, @Valid @RequestBody StarCriteria criteria,
                        @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(branches.score(id, criteria, user.username()));
    }

    @GetMapping("/stars")
    @Operation(summary = "The star scores of the branches in a unit's subtree for a year (default this year)")
    List<StarScoreView> scores(@RequestParam(required = false) Long unitId,
                               @RequestParam(required = false) Integer year) {
        return mapper.toScores(branches.scores(unit(unitId), year == null ? time.thisYear() : year));
    }

    @PostMapping("/branches/{id}/ledger")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Add a problem to a branch's ledger: problem, owner, deadline, measures")
    LedgerItemView addLedgerItem(@PathVariable long id, @Valid @RequestBody NewLedgerItem command,
                                 @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(branches.addLedgerItem(id, command, user.username()));
    }

    @GetMapping("/branches/{id}/ledger")
    @Operation(summary = "A branch's problem ledger, open items first, by deadline, each flagged when overdue")
    List<LedgerItemView> ledger(@PathVariable long id) {
        return mapper.toLedger(branches.ledger(id));
    }

    @PostMapping("/ledger/{itemId}/close")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "销号: close an open ledger item with a note of the result")
    LedgerItemView close(@PathVariable long itemId, @Valid @RequestBody Closure body,
                         @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(branches.closeLedgerItem(itemId, body.resultNote(), body.version(),
                user.username()));
    }

    @GetMapping("/ledger/overdue")
    @Operation(summary = "Open ledger items past their deadline in a unit's subtree (default the caller's root)")
    List<LedgerItemView> overdue(@RequestParam(required = false) Long unitId) {
        return mapper.toLedger(branches.overdue(unit(unitId)));
    }

    private long unit(Long unitId) {
        return unitId == null ? hierarchy.root().id() : unitId;
    }
}
