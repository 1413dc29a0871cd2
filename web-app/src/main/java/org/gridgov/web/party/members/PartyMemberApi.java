package org.gridgov.web.party.members;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.Hierarchy;
import org.gridgov.party.MemberTransfer;
import org.gridgov.party.NewCentralHousehold;
import org.gridgov.party.NewMember;
import org.gridgov.party.PartyMembers;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.party.members.PartyMemberJson.CentralHouseholdView;
import org.gridgov.web.party.members.PartyMemberJson.MemberView;
import org.gridgov.web.party.members.PartyMemberJson.TransferView;
import org.gridgov.web.support.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "party members", description = "党员: members, transfers (组织关系转接) and central households (党员中心户)"
        + " within the caller's scope (out of scope: 404)")
class PartyMemberApi {

    private final PartyMembers members;
    private final Hierarchy hierarchy;
    private final PartyMemberMapper mapper;

    PartyMemberApi(PartyMembers members, Hierarchy hierarchy, PartyMemberMapper mapper) {
        this.members = members;
        this.hierarchy = hierarchy;
        this.mapper = mapper;
    }

    @GetMapping("/members")
    @Operation(summary = "Members of the organizations in a unit's subtree (default: the caller's root), or of one")
    PageResult<MemberView> list(@RequestParam(required = false) Long unitId,
                                @RequestParam(required = false) Long organizationId,
                                @Parameter(description = "zero-based") @RequestParam(defaultValue = "0") @Min(0)
                                int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return mapper.toJson(members.search(unitId == null ? hierarchy.root().id() : unitId, organizationId, page,
                size));
    }

    @GetMapping("/members/{id}")
    MemberView get(@PathVariable long id) {
        return mapper.toJson(members.get(id));
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Record a resident (in scope) as a member of an organization")
    MemberView create(@Valid @RequestBody NewMember command) {
        return mapper.toJson(members.create(command));
    }

    @PostMapping("/members/{id}/transfer")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Move a member to another organization; the move is kept in the history")
    MemberView transfer(@PathVariable long id, @Valid @RequestBody MemberTransfer transfer,
                        @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(members.transfer(id, transfer, user.username()));
    }

    @GetMapping("/members/{id}/transfers")
    @Operation(summary = "Every move of the member between organizations, oldest first")
    List<TransferView> transfers(@PathVariable long id) {
        return mapper.toTransfers(members.transfers(id));
    }

    @PostMapping("/central-households")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Make a member's household a central household under a party group, linked to 5–15"
            + " neighbouring households")
    CentralHouseholdView designate(@Valid @RequestBody NewCentralHousehold command) {
        return mapper.toJson(members.designateCentralHousehold(command));
    }

    @GetMapping("/organizations/{id}/central-households")
    @Operation(summary = "The central households of a party group")
    List<CentralHouseholdView> centralHouseholds(@PathVariable long id) {
        return mapper.toCentralHouseholds(members.centralHouseholds(id));
    }
}
