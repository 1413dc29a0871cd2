package org.gridgov.accounts.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.gridgov.accounts.AccountAdministration.AccountView;
import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountAudit.Outcome;
import org.gridgov.accounts.AccountRequestException;
import org.gridgov.accounts.AccountRequests;
import org.gridgov.accounts.Actor;
import org.gridgov.accounts.Role;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountRequestService implements AccountRequests {

    private static final String SELECT = "select r.id, r.kind, r.account_id, a.username, r.account_role, r.role,"
            + " q.username, r.requested_by_role, r.requested_at, r.expires_at, r.status, d.username, r.decided_at"
            + " from app.account_request r join app.user_account a on a.id = r.account_id"
            + " join app.user_account q on q.id = r.requested_by left join app.user_account d on d.id = r.decided_by ";

    private static final RowMapper<RequestView> MAPPER = (rs, i) -> new RequestView(rs.getLong(1),
            Kind.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4), role(rs.getString(5)),
            role(rs.getString(6)), rs.getString(7), Role.valueOf(rs.getString(8)),
            rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
            Status.valueOf(rs.getString(11)), rs.getString(12), rs.getObject(13, OffsetDateTime.class));

    private final JdbcTemplate jdbc;
    private final AccountChanges changes;
    private final PlatformTime time;
    private final Duration ttl;

    AccountRequestService(JdbcTemplate jdbc, AccountChanges changes, PlatformTime time,
                          @Value("${gridgov.security.approval.ttl:PT72H}") Duration ttl) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.time = time;
        this.ttl = ttl;
    }

    private static Role role(String name) {
        return name == null ? null : Role.valueOf(name);
    }

    @Override
    public List<RequestView> pending() {
        return jdbc.query(SELECT + "where r.status = 'PENDING' and r.expires_at > ? order by r.requested_at, r.id",
                MAPPER, Timestamp.from(time.now()));
    }

    @Override
    public List<RequestView> pendingFor(long accountId) {
        return jdbc.query(SELECT + "where r.account_id = ? and r.status = 'PENDING' and r.expires_at > ?"
                + " order by r.requested_at, r.id", MAPPER, accountId, Timestamp.from(time.now()));
    }

    @Override
    public Optional<RequestView> find(long id) {
        return jdbc.query(SELECT + "where r.id = ?", MAPPER, id).stream().findFirst();
    }

    /**
     * A change of {@code account} asked for by {@code by}, to wait for a second administrator: a new password (its
     * hash) or a role. One open request of a kind per account.
     */
    @Transactional
    RequestView open(Kind kind, AccountView account, Role role, String passwordHash, Actor by) {
        Timestamp now = Timestamp.from(time.now());
        expire(account.id(), kind, now);
        Integer open = jdbc.queryForObject("select count(*) from app.account_request where account_id = ?"
                + " and kind = ? and status = 'PENDING'", Integer.class, account.id(), kind.name());
        if (open != null && open > 0) {
            changes.record(by, Event.ACCOUNT_REQUEST, account.id(), Outcome.REFUSED, kind + " already pending");
            throw AccountRequestException.conflict("id", "admin.requests.alreadyPending");
        }
        Long id = jdbc.queryForObject("insert into app.account_request (kind, account_id, account_role,"
                        + " account_unit_id, role, password_hash, requested_by, requested_by_role, requested_at,"
                        + " expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                kind.name(), account.id(), account.role() == null ? null : account.role().name(), account.unitId(),
                role == null ? null : role.name(), passwordHash, by.id(), by.role().name(), now,
                Timestamp.from(now.toInstant().plus(ttl)));
        changes.record(by, Event.ACCOUNT_REQUEST, account.id(), describe(id, kind, account.role(), role));
        return find(id).orElseThrow();
    }

    @Override
    public boolean mayApprove(RequestView request, Actor by) {
        return request.open(time.now()) && approvalRefusal(request, by) == null;
    }

    @Override
    public boolean mayReject(RequestView request, Actor by) {
        return request.open(time.now()) && rejectionRefusal(request, by) == null;
    }

    /** Why {@code by} may not approve the request (a message code), or null. */
    private static String approvalRefusal(RequestView request, Actor by) {
        if (by.role() == null || !by.role().administrative()) {
            return "admin.requests.notAdministrator";
        }
        if (by.username().equals(request.requestedBy())) {
            return "admin.requests.ownRequest";
        }
        if (by.id() == request.accountId()) {
            return "admin.requests.ownAccount";
        }
        if (by.role() == request.requestedByRole()) {
            return "admin.requests.sameRole";
        }
        return null;
    }

    /** The requester may withdraw their own request; anyone else needs what an approval needs. */
    private static String rejectionRefusal(RequestView request, Actor by) {
        return by.username().equals(request.requestedBy()) ? null : approvalRefusal(request, by);
    }

    @Override
    @Transactional
    public RequestView approve(long id, Actor by) {
        RequestView request = find(id).orElseThrow(() -> new NotFoundException("account request", id));
        refuseUnless(approvalRefusal(request, by), request, by, Event.ACCOUNT_REQUEST_APPROVE);
        Instant now = time.now();
        List<String> hash = close(id, Status.APPROVED, by, now, "password_hash");
        if (hash.isEmpty()) {
            throw notOpen(request, by, Event.ACCOUNT_REQUEST_APPROVE, now);
        }
        // the account as it was when the change was asked for: same role, same node
        Boolean unchanged = jdbc.queryForObject("select a.role is not distinct from r.account_role"
                + " and a.unit_id = r.account_unit_id from app.account_request r join app.user_account a"
                + " on a.id = r.account_id where r.id = ?", Boolean.class, id);
        if (!Boolean.TRUE.equals(unchanged)) {
            // the transaction rolls back: the request stays open, to be rejected and asked for again
            changes.record(by, Event.ACCOUNT_REQUEST_APPROVE, request.accountId(), Outcome.REFUSED,
                    "#" + id + " account changed since");
            throw AccountRequestException.conflict("id", "admin.requests.accountChanged");
        }
        String from = "(request #" + id + " by " + request.requestedBy() + ")";
        if (request.kind() == Kind.PASSWORD_RESET) {
            changes.setPassword(request.accountId(), hash.get(0), by, from);
        }
        else {
            changes.setRole(request.accountId(), request.accountRole(), request.role(), by, from);
        }
        changes.record(by, Event.ACCOUNT_REQUEST_APPROVE, request.accountId(),
                describe(id, request.kind(), request.accountRole(), request.role()));
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public RequestView reject(long id, Actor by) {
        RequestView request = find(id).orElseThrow(() -> new NotFoundException("account request", id));
        refuseUnless(rejectionRefusal(request, by), request, by, Event.ACCOUNT_REQUEST_REJECT);
        Instant now = time.now();
        if (close(id, Status.REJECTED, by, now, "id").isEmpty()) {
            throw notOpen(request, by, Event.ACCOUNT_REQUEST_REJECT, now);
        }
        changes.record(by, Event.ACCOUNT_REQUEST_REJECT, request.accountId(),
                describe(id, request.kind(), request.accountRole(), request.role())
                        + (by.username().equals(request.requestedBy()) ? " withdrawn" : ""));
        return find(id).orElseThrow();
    }

    private void refuseUnless(String refusal, RequestView request, Actor by, Event event) {
        if (refusal != null) {
            changes.record(by, event, request.accountId(), Outcome.REFUSED, "#" + request.id() + " " + refusal);
            throw AccountRequestException.forbidden("id", refusal);
        }
    }

    /**
     * Closes the request if it is still open, in one conditional update: of two decisions at once, the second finds
     * it closed. Returns the column asked for as it was (a reset's hash, cleared by the same update), or nothing.
     */
    private List<String> close(long id, Status status, Actor by, Instant now, String column) {
        return jdbc.query("with waiting as (select id, " + column + " as value from app.account_request"
                        + " where id = ? and status = 'PENDING' and expires_at > ? for update)"
                        + " update app.account_request r set status = ?, decided_by = ?, decided_at = ?,"
                        + " password_hash = null from waiting where r.id = waiting.id and r.status = 'PENDING'"
                        + " returning waiting.value::text", (rs, i) -> rs.getString(1),
                id, Timestamp.from(now), status.name(), by.id(), Timestamp.from(now));
    }

    private RuntimeException notOpen(RequestView request, Actor by, Event event, Instant now) {
        // an expired request is closed as EXPIRED when the account's next request of its kind is asked for
        boolean expired = request.status() == Status.PENDING && !request.expiresAt().toInstant().isAfter(now);
        changes.record(by, event, request.accountId(), Outcome.REFUSED,
                "#" + request.id() + (expired ? " expired" : " already decided"));
        return AccountRequestException.conflict("id", expired ? "admin.requests.expired" : "admin.requests.closed");
    }

    /** Closes the account's expired open request of this kind, if any, so that a new one may be asked for. */
    private void expire(long accountId, Kind kind, Timestamp now) {
        jdbc.update("update app.account_request set status = 'EXPIRED', decided_at = ?, password_hash = null"
                + " where account_id = ? and kind = ? and status = 'PENDING' and expires_at <= ?", now, accountId,
                kind.name(), now);
    }

    private static String describe(long id, Kind kind, Role before, Role role) {
        return "#" + id + " " + kind + (kind == Kind.ROLE_ASSIGN
                ? " " + (before == null ? "-" : before.name()) + "->" + role.name() : "");
    }
}
