package org.gridgov.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@GridGovIntegrationTest
class IdempotentRequestsIT {

    @Autowired
    IdempotentRequests requests;
    @Autowired
    JdbcTemplate jdbc;

    long user(String username) {
        return jdbc.queryForObject("select id from app.user_account where username = ?", Long.class, username);
    }

    @Test
    void parallelRetriesWithOneKeyRunTheWorkOnceAndAllGetItsResponse() throws Exception {
        long user = user("grid1");
        String key = UUID.randomUUID().toString();
        AtomicInteger runs = new AtomicInteger();
        Callable<IdempotentRequests.Stored> retry = () -> requests.execute(user, key, "{\"a\":1}", () -> {
            int run = runs.incrementAndGet();
            sleep(300);
            return new IdempotentRequests.Stored(201, "{\"case\":" + run + "}");
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<IdempotentRequests.Stored>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(retry));
            }
            for (Future<IdempotentRequests.Stored> future : futures) {
                assertThat(future.get()).isEqualTo(new IdempotentRequests.Stored(201, "{\"case\":1}"));
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void aKeyReusedWithAnotherBodyIsRefusedAndOtherUsersKeysAreTheirOwn() {
        long grid1 = user("grid1");
        String key = UUID.randomUUID().toString();
        requests.execute(grid1, key, "{\"a\":1}", () -> new IdempotentRequests.Stored(201, "first"));
        assertThatThrownBy(() -> requests.execute(grid1, key, "{\"a\":2}",
                () -> new IdempotentRequests.Stored(201, "second")))
                .isInstanceOf(IdempotentRequests.ReusedKeyException.class);
        IdempotentRequests.Stored other = requests.execute(user("street1"), key, "{\"a\":2}",
                () -> new IdempotentRequests.Stored(201, "street's own"));
        assertThat(other.body()).isEqualTo("street's own");
    }

    @Test
    void aFailedAttemptReleasesTheKeyForTheRetry() {
        long user = user("grid1");
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> requests.execute(user, key, "{}", () -> {
            throw new IllegalStateException("network gone mid-way");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(requests.execute(user, key, "{}", () -> new IdempotentRequests.Stored(201, "ok")).body())
                .isEqualTo("ok");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
