package org.gridgov.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.gridgov.accounts.AccountAdministration.Change;
import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountAudit.Outcome;
import org.gridgov.accounts.AccountRequests.Kind;
import org.gridgov.accounts.AccountRequests.RequestView;
import org.gridgov.accounts.AccountRequests.Status;
import org.gridgov.accounts.AccountsTestApplication.RecordedAudit;
import org.gridgov.accounts.PasswordChanges.ChangeRequired;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.HierarchyFixture;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 三权分立 that cannot be walked around, on PostgreSQL without the web layer: a reset or a role change of a
 * privileged account, and granting a privileged role, waits for a second administrator of another role who is
 * neither the requester nor the account; a decision applies once; a request expires; a password an administrator set
 * is one-time, and the user's own change clears the mark.
 */
@AccountsIntegrationTest
class AccountApprovalIT {

    static final String OLD = "Old-harbor-lamp-3";
    static final String NEW = "New-willow-gate-8";

    /** An administrator acting, as the web layer's signed-in user would. */
    record Admin(long id, String username, Role role) implements Actor {
    }

    @Autowired
    AccountAdministration administration;
    @Autowired
    AccountRequests requests;
    @Autowired
    PasswordChanges passwords;
    @Autowired
    RecordedAudit audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestClock clock;

    HierarchyFixture fixture;
    long root;
    long grid;
    String prefix;
    Admin sys;
    Admin sys2;
    Admin sec;
    Admin aud;
    Admin district;

    @BeforeEach
    void administrators() {
        fixture = new HierarchyFixture(jdbc);
        // the county the administrators are bound to: the first root, made once for the context's database
        List<Long> roots = jdbc.queryForList("select id from grid.unit where parent_id is null and valid_to is null"
                + " order by code limit 1", Long.class);
        root = roots.isEmpty() ? fixture.district("100001", "审批测试县") : roots.get(0);
        long street = fixture.child(root, UnitLevel.STREET, String.format("%03d", next() % 1000), "审批街道");
        long community = fixture.child(street, UnitLevel.COMMUNITY, "001", "审批社区");
        grid = fixture.child(community, UnitLevel.GRID, "001", "审批网格");
        prefix = "appr" + next() + "-";
        sys = admin("sys", Role.SYSTEM_ADMIN);
        sys2 = admin("sys2", Role.SYSTEM_ADMIN);
        sec = admin("sec", Role.SECURITY_ADMIN);
        aud = admin("aud", Role.AUDIT_ADMIN);
        district = admin("district", Role.DISTRICT_ADMIN);
    }

    static int counter;

    static synchronized int next() {
        return ++counter;
    }

    Admin admin(String name, Role role) {
        long id = jdbc.queryForObject("insert into app.user_account (username, password_hash, display_name, role,"
                + " unit_id) values (?, ?, ?, ?, ?) returning id", Long.class, prefix + name, encoder.encode(OLD),
                name, role.name(), root);
        return new Admin(id, prefix + name, role);
    }

    long gridWorker(String name) {
        return jdbc.queryForObject("insert into app.user_account (username, password_hash, display_name, role,"
                + " unit_id) values (?, ?, ?, 'GRID_WORKER', ?) returning id", Long.class, prefix + name,
                encoder.encode(OLD), name, grid);
    }

    /** As the web layer does: the administrator's data scope (the county) bound for the call. */
    <T> T as(Supplier<T> work) {
        return DataScopeContext.callAs(fixture.scope(root), work);
    }

    String hash(long id) {
        return jdbc.queryForObject("select password_hash from app.user_account where id = ?", String.class, id);
    }

    @Test
    void aResetOfAPrivilegedAccountWaitsAndTheOldPasswordStillWorks() {
        Change change = as(() -> administration.resetPassword(district.id(), NEW, sys));

        assertThat(change.applied()).isFalse();
        RequestView request = change.request().orElseThrow();
        assertThat(request.kind()).isEqualTo(Kind.PASSWORD_RESET);
        assertThat(request.status()).isEqualTo(Status.PENDING);
        assertThat(request.requestedBy()).isEqualTo(sys.username());
        assertThat(request.requestedByRole()).isEqualTo(Role.SYSTEM_ADMIN);
        assertThat(request.expiresAt().toInstant()).isAfter(clock.instant().plus(Duration.ofHours(71)));
        assertThat(encoder.matches(OLD, hash(district.id()))).isTrue();
        assertThat(passwords.changeRequired(district)).isEmpty();
        // only the hash waits, never the password
        assertThat(jdbc.queryForObject("select password_hash from app.account_request where id = ?", String.class,
                request.id())).isNotBlank().doesNotContain(NEW);
        assertThat(requests.pending()).extracting(RequestView::id).contains(request.id());
        assertThat(audit.entries).anyMatch(e -> e.username().equals(sys.username())
                && e.event() == Event.ACCOUNT_REQUEST && e.outcome() == Outcome.SUCCESS);
    }

    @Test
    void neitherTheRequesterNorAnotherOfItsRoleNorTheAccountItselfMayApprove() {
        RequestView request = as(() -> administration.resetPassword(sec.id(), NEW, sys)).request().orElseThrow();

        refused(() -> requests.approve(request.id(), sys), AccountRequestException.Reason.FORBIDDEN,
                "admin.requests.ownRequest");
        refused(() -> requests.approve(request.id(), sys2), AccountRequestException.Reason.FORBIDDEN,
                "admin.requests.sameRole");
        refused(() -> requests.approve(request.id(), sec), AccountRequestException.Reason.FORBIDDEN,
                "admin.requests.ownAccount");
        refused(() -> requests.approve(request.id(), district), AccountRequestException.Reason.FORBIDDEN,
                "admin.requests.notAdministrator");
        refused(() -> requests.reject(request.id(), sec), AccountRequestException.Reason.FORBIDDEN,
                "admin.requests.ownAccount");
        assertThat(requests.mayApprove(request, sys)).isFalse();
        assertThat(requests.mayApprove(request, sec)).isFalse();
        assertThat(requests.mayApprove(request, aud)).isTrue();
        assertThat(requests.mayReject(request, sys)).as("the requester may withdraw").isTrue();
        assertThat(encoder.matches(OLD, hash(sec.id()))).isTrue();
        assertThat(audit.entries).filteredOn(e -> e.event() == Event.ACCOUNT_REQUEST_APPROVE
                && e.outcome() == Outcome.REFUSED && e.object().equals("user " + sec.username())).hasSize(4);

        RequestView approved = requests.approve(request.id(), aud);

        assertThat(approved.status()).isEqualTo(Status.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(aud.username());
        assertThat(encoder.matches(NEW, hash(sec.id()))).isTrue();
        assertThat(passwords.changeRequired(sec)).contains(ChangeRequired.SET_BY_ADMINISTRATOR);
        assertThat(jdbc.queryForObject("select password_hash is null from app.account_request where id = ?",
                Boolean.class, request.id())).as("the hash leaves with the decision").isTrue();
        assertThat(audit.entries).anyMatch(e -> e.username().equals(aud.username())
                && e.event() == Event.PASSWORD_RESET && e.object().equals("user " + sec.username())
                && e.detail().contains("by " + sys.username()));
        refused(() -> requests.approve(request.id(), aud), AccountRequestException.Reason.CONFLICT,
                "admin.requests.closed");
        refused(() -> requests.reject(request.id(), sys), AccountRequestException.Reason.CONFLICT,
                "admin.requests.closed");
    }

    @Test
    void grantingOrTakingAPrivilegedRoleWaitsButABusinessRoleChangeDoesNot() {
        long worker = gridWorker("worker");
        Change business = as(() -> administration.assignRole(worker, Role.COMMUNITY_WORKER, sec));
        assertThat(business.applied()).isTrue();
        assertThat(business.account().role()).isEqualTo(Role.COMMUNITY_WORKER);

        Change grant = as(() -> administration.assignRole(worker, Role.DISTRICT_ADMIN, sec));
        assertThat(grant.applied()).isFalse();
        assertThat(role(worker)).isEqualTo("COMMUNITY_WORKER");
        Change demote = as(() -> administration.assignRole(sys.id(), Role.DISTRICT_ADMIN, sec));
        assertThat(demote.applied()).isFalse();
        assertThat(role(sys.id())).isEqualTo("SYSTEM_ADMIN");

        // the security admin asked: the system admin or the audit admin decides, but not the account itself
        refused(() -> requests.approve(demote.request().orElseThrow().id(), sys),
                AccountRequestException.Reason.FORBIDDEN, "admin.requests.ownAccount");
        requests.approve(grant.request().orElseThrow().id(), sys);
        requests.reject(demote.request().orElseThrow().id(), aud);
        assertThat(role(worker)).isEqualTo("DISTRICT_ADMIN");
        assertThat(role(sys.id())).isEqualTo("SYSTEM_ADMIN");
        assertThat(audit.entries).anyMatch(e -> e.event() == Event.ROLE_ASSIGN
                && e.object().equals("user " + prefix + "worker") && e.detail().startsWith("COMMUNITY_WORKER->"
                + "DISTRICT_ADMIN"));
        assertThat(audit.entries).anyMatch(e -> e.event() == Event.ACCOUNT_REQUEST_REJECT
                && e.username().equals(aud.username()));
    }

    @Test
    void twoDecisionsAtOnceApplyOnce() throws Exception {
        int approved = 0;
        for (int round = 0; round < 3; round++) {
            String password = NEW + round;
            RequestView request = as(() -> administration.resetPassword(district.id(), password, sys))
                    .request().orElseThrow();
            // two approvals in one round, an approval and a rejection in the others
            Callable<RequestView> second = round == 0 ? () -> requests.approve(request.id(), sec)
                    : () -> requests.reject(request.id(), sec);
            List<Callable<RequestView>> decisions = List.of(() -> requests.approve(request.id(), aud), second);
            List<Object> outcomes = race(decisions);
            assertThat(outcomes).as("round " + round).filteredOn(o -> o instanceof RequestView).hasSize(1);
            assertThat(outcomes).as("round " + round).filteredOn(o -> o instanceof AccountRequestException)
                    .singleElement().satisfies(o -> assertThat(((AccountRequestException) o).reason())
                            .isEqualTo(AccountRequestException.Reason.CONFLICT));
            RequestView after = requests.find(request.id()).orElseThrow();
            boolean applied = encoder.matches(password, hash(district.id()));
            assertThat(applied).isEqualTo(after.status() == Status.APPROVED);
            approved += applied ? 1 : 0;
            // the next round starts from the district admin's own password
            jdbc.update("update app.user_account set password_hash = ?, must_change_password = false where id = ?",
                    encoder.encode(OLD), district.id());
        }
        assertThat(audit.entries).filteredOn(e -> e.event() == Event.PASSWORD_RESET
                && e.object().equals("user " + district.username())).hasSize(approved);
        assertThat(approved).as("the round of two approvals applies one").isPositive();
    }

    private static List<Object> race(List<Callable<RequestView>> decisions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(decisions.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<RequestView> decision : decisions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return decision.call();
                    }
                    catch (AccountRequestException ex) {
                        return ex;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneRequestOfAKindWaitsAtATimeAndAnExpiredOneCannotBeApproved() {
        RequestView first = as(() -> administration.resetPassword(district.id(), NEW, sys)).request().orElseThrow();
        refused(() -> as(() -> administration.resetPassword(district.id(), NEW + "x", sys)),
                AccountRequestException.Reason.CONFLICT, "admin.requests.alreadyPending");
        requests.reject(first.id(), sys);
        assertThat(requests.find(first.id()).orElseThrow().status()).isEqualTo(Status.REJECTED);

        RequestView second = as(() -> administration.resetPassword(district.id(), NEW, sys)).request()
                .orElseThrow();
        clock.advance(Duration.ofHours(73));
        assertThat(requests.pending()).extracting(RequestView::id).doesNotContain(second.id());
        assertThat(requests.mayApprove(second, aud)).isFalse();
        refused(() -> requests.approve(second.id(), aud), AccountRequestException.Reason.CONFLICT,
                "admin.requests.expired");
        assertThat(encoder.matches(OLD, hash(district.id()))).isTrue();
        // a new request closes the expired one
        RequestView third = as(() -> administration.resetPassword(district.id(), NEW, sys)).request()
                .orElseThrow();
        assertThat(requests.find(second.id()).orElseThrow().status()).isEqualTo(Status.EXPIRED);
        assertThat(requests.pendingFor(district.id())).extracting(RequestView::id).containsExactly(third.id());
    }

    @Test
    void anApprovalIsRefusedWhenTheAccountChangedSinceTheRequest() {
        RequestView request = as(() -> administration.assignRole(district.id(), Role.STREET_OFFICIAL, sec))
                .request().orElseThrow();
        jdbc.update("update app.user_account set unit_id = ? where id = ?", grid, district.id());
        refused(() -> requests.approve(request.id(), aud), AccountRequestException.Reason.CONFLICT,
                "admin.requests.accountChanged");
        assertThat(role(district.id())).isEqualTo("DISTRICT_ADMIN");
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
    }

    @Test
    void aPasswordSetByAnAdministratorIsOneTimeUntilTheUserChangesIt() {
        AccountAdministration.AccountView made = as(() -> administration.create(
                new AccountAdministration.NewAccount(prefix + "fresh", "新账号", grid, NEW), sys));
        Admin fresh = new Admin(made.id(), made.username(), Role.GRID_WORKER);
        assertThat(passwords.changeRequired(fresh)).contains(ChangeRequired.SET_BY_ADMINISTRATOR);
        passwords.change(fresh, NEW, "Own-choice-pass-5", "127.0.0.1");
        assertThat(passwords.changeRequired(fresh)).isEmpty();

        long worker = gridWorker("reset");
        Admin resetOne = new Admin(worker, prefix + "reset", Role.GRID_WORKER);
        Change reset = as(() -> administration.resetPassword(worker, NEW, sys));
        assertThat(reset.applied()).isTrue();
        assertThat(encoder.matches(NEW, hash(worker))).isTrue();
        assertThat(passwords.changeRequired(resetOne)).contains(ChangeRequired.SET_BY_ADMINISTRATOR);

        // a demo account keeps its published password in demo mode only, and is never marked
        jdbc.update("update app.user_account set demo_password = true where id = ?", district.id());
        assertThat(passwords.changeRequired(district)).isEmpty();
    }

    private String role(long id) {
        return jdbc.queryForObject("select role from app.user_account where id = ?", String.class, id);
    }

    private static void refused(Supplier<?> call, AccountRequestException.Reason reason, String code) {
        assertThatThrownBy(call::get).isInstanceOfSatisfying(AccountRequestException.class, ex -> {
            assertThat(ex.reason()).isEqualTo(reason);
            assertThat(ex.code()).isEqualTo(code);
        });
    }
}
