package org.gridgov.web.work.points;

import org.gridgov.web.support.ApiError;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gridgov.audit.AuditLog.Action;
import org.gridgov.audit.AuditedWork;
import org.gridgov.grid.Hierarchy;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.IdempotentRequests;
import org.gridgov.web.support.Messages;
import org.gridgov.web.work.points.PointJson.GoodsView;
import org.gridgov.web.work.points.PointJson.PersonLedger;
import org.gridgov.web.work.points.PointJson.PointRanking;
import org.gridgov.web.work.points.PointJson.PointRuleView;
import org.gridgov.work.ExchangeRefused;
import org.gridgov.work.GoodsEdit;
import org.gridgov.work.NewExchange;
import org.gridgov.work.NewGoods;
import org.gridgov.work.PersonKind;
import org.gridgov.work.PointRuleEdit;
import org.gridgov.work.Points;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/points")
@PreAuthorize(Permissions.READ_POINTS)
@Tag(name = "points", description = "积分: rules award points to grid workers and residents for registered reports,"
        + " verified closures, on-time visits and completed micro-wishes; a ledger per person; goods with stock"
        + " exchanged for points (stock and balance never negative); rankings per community")
class PointsApi {

    private final Points points;
    private final Hierarchy hierarchy;
    private final IdempotentRequests idempotent;
    private final Messages messages;
    private final AuditedWork audited;
    private final PointMapper mapper;
    private final JsonMapper json = JsonMapper.builder().build();

    PointsApi(Points points, Hierarchy hierarchy, IdempotentRequests idempotent, Messages messages,
              AuditedWork audited, PointMapper mapper) {
        this.points = points;
        this.hierarchy = hierarchy;
        this.idempotent = idempotent;
        this.messages = messages;
        this.audited = audited;
        this.mapper = mapper;
    }

    @GetMapping("/rules")
    @Operation(summary = "The rules: event, earner (GRID_WORKER or RESIDENT), points, enabled, valid from")
    List<PointRuleView> rules() {
        return mapper.toRules(points.rules());
    }

    @PutMapping("/rules/{id}")
    @PreAuthorize(Permissions.EDIT_POINT_RULES)
    @Operation(summary = "Change a rule at the version seen (a stale one: 409); later events only are affected")
    PointRuleView editRule(@PathVariable long id, @Valid @RequestBody PointRuleEdit edit,
                           @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(audited.run(Action.POINT_RULE_EDIT, "point-rule:" + id, "points=" + edit.points()
                + " enabled=" + edit.enabled() + " from=" + edit.validFrom(),
                () -> points.editRule(id, edit, user.username())));
    }

    @GetMapping("/ledger")
    @Operation(summary = "A person's balance and ledger (newest first); a person outside the caller's area: 404")
    PersonLedger ledger(@RequestParam PersonKind personKind, @RequestParam long personId) {
        return mapper.toJson(points.ledger(personKind, personId));
    }

    @GetMapping("/goods")
    @Operation(summary = "Goods offered in the caller's area (its units' and the county catalogue), with stock")
    List<GoodsView> goods() {
        return mapper.toGoods(points.goods());
    }

    @PostMapping("/goods")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_GOODS)
    @Operation(summary = "Add goods to a unit's catalogue (no unitId: the county catalogue, for the county only)")
    GoodsView addGoods(@Valid @RequestBody NewGoods command, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(audited.run(Action.POINT_GOODS_EDIT, "goods:new", command.name(),
                () -> points.addGoods(command, user.username())));
    }

    @PutMapping("/goods/{id}")
    @PreAuthorize(Permissions.MANAGE_GOODS)
    @Operation(summary = "Change goods (name, price, stock, active) at the version seen")
    GoodsView editGoods(@PathVariable long id, @Valid @RequestBody GoodsEdit edit,
                        @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(audited.run(Action.POINT_GOODS_EDIT, "goods:" + id, "price=" + edit.price()
                + " stock=" + edit.stock() + " active=" + edit.active(),
                () -> points.editGoods(id, edit, user.username())));
    }

    @PostMapping(path = "/exchanges", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permissions.EXCHANGE_POINTS)
    @Operation(summary = "Exchange goods for a person's points; out of stock or too few points: 409, nothing"
            + " changed. With an Idempotency-Key a retry returns the same exchange; the key with another body: 422")
    ResponseEntity<String> exchange(@Valid @RequestBody NewExchange command,
                                    @Parameter(description = "client-chosen key, at most 100 characters")
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @AuthenticationPrincipal GridGovUser user) {
        IdempotentRequests.Stored stored = audited.run(Action.POINT_EXCHANGE, "points:" + command.personKind() + ":"
                + command.personId(), "goods:" + command.goodsId() + " x" + command.quantity(), () -> key == null
                ? created(points.exchange(command, user.username()))
                : idempotent.execute(user.id(), key, json.writeValueAsString(command),
                        () -> created(points.exchange(command, user.username()))));
        return ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    @GetMapping("/ranking")
    @Operation(summary = "Top grid workers and residents by points earned under a unit (default: the caller's"
            + " node) in a month (period=yyyy-MM, default this month) or a year (period=yyyy)")
    PointRanking ranking(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String period,
                         @RequestParam(defaultValue = "20") int limit) {
        return mapper.toJson(points.ranking(unitId == null ? hierarchy.root().id() : unitId, period, limit));
    }

    /** Out of stock, too few points: the request was fine but cannot be served now. */
    @ExceptionHandler(ExchangeRefused.class)
    ResponseEntity<ApiError> refused(ExchangeRefused ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(409, "exchange_refused",
                messages.get(ex.code(), ex.args()), List.of()));
    }

    private IdempotentRequests.Stored created(org.gridgov.work.ExchangeView view) {
        return new IdempotentRequests.Stored(HttpStatus.CREATED.value(), json.writeValueAsString(mapper.toJson(view)));
    }
}
