package org.gridgov.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.gridgov.audit.AuditChain;
import org.gridgov.grid.DerivedKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keyed hash chain over {@code app.audit_event}: each row's {@code hash} is HMAC-SHA256(key, prev_hash ||
 * canonical fields), the key derived from the key file's look-up hash key ({@link DerivedKeys}, purpose
 * {@code audit-chain}), so someone who can write the table but not read the key cannot forge a consistent chain.
 * <p>
 * One writer appends: {@link #seal()} takes the pending events of {@code app.audit_outbox} in id order and chains
 * them under the head row's lock, in one short transaction of its own. It runs every half second
 * ({@code gridgov.audit.seal-delay}) and before the log is read or verified; two nodes (or a reader and the
 * schedule) take turns on the head row's lock, and the later finds the events already sealed.
 */
@Component
public class KeyedHashChain implements AuditChain {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final byte[] key;
    private final TransactionTemplate transaction;

    KeyedHashChain(JdbcTemplate jdbc, DerivedKeys keys, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.key = keys.key("audit-chain");
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Chains every pending event into {@code app.audit_event}; returns how many. Must not run inside another
     * transaction: it would hold the head row until that one ends.
     */
    @Override
    @Scheduled(fixedDelayString = "${gridgov.audit.seal-delay:PT0.5S}", initialDelayString = "PT1S")
    public int seal() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the audit chain is sealed outside other transactions");
        }
        int sealed = 0;
        int batch;
        do {
            Integer done = transaction.execute(status -> sealBatch());
            batch = done == null ? 0 : done;
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }

    private int sealBatch() {
        Map<String, Object> head = jdbc.queryForMap(
                "select start_hash, last_seq, last_hash from app.audit_chain_head where id = 1 for update");
        List<Object[]> pending = jdbc.query("delete from app.audit_outbox where id in (select id from"
                + " app.audit_outbox order by id limit ?) returning id, occurred_at, username, action, object,"
                + " result, client_ip, detail", (rs, i) -> new Object[] {rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8)}, BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        pending.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
        List<Long> seqs = jdbc.queryForList("select nextval(pg_get_serial_sequence('app.audit_event', 'seq'))"
                + " from generate_series(1, ?)", Long.class, pending.size());
        seqs = new ArrayList<>(seqs);
        seqs.sort(null);
        byte[] prev = (byte[]) (head.get("last_seq") == null ? head.get("start_hash") : head.get("last_hash"));
        List<Object[]> rows = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            Object[] e = pending.get(i);
            long seq = seqs.get(i);
            OffsetDateTime at = (OffsetDateTime) e[1];
            byte[] hash = hash(prev, seq, at.toInstant(), (String) e[2], (String) e[3], (String) e[4],
                    (String) e[5], (String) e[6], (String) e[7]);
            rows.add(new Object[] {seq, at, e[2], e[3], e[4], e[5], e[6], e[7], prev, hash});
            prev = hash;
        }
        jdbc.batchUpdate("insert into app.audit_event (seq, occurred_at, username, action, object, result,"
                + " client_ip, detail, prev_hash, hash) overriding system value"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("update app.audit_chain_head set last_seq = ?, last_hash = ? where id = 1",
                seqs.get(seqs.size() - 1), prev);
        return pending.size();
    }

    /** Audit times are kept to the microsecond, as PostgreSQL stores them. */
    static Instant stored(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    byte[] hash(byte[] prevHash, long seq, Instant occurredAt, String username, String action, String object,
                String result, String clientIp, String detail) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(field(prevHash));
            mac.update(ByteBuffer.allocate(16).putLong(seq)
                    .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)).array());
            for (String text : new String[] {username, action, object, result, clientIp, detail}) {
                mac.update(field(text == null ? null : text.getBytes(StandardCharsets.UTF_8)));
            }
            return mac.doFinal();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Length-prefixed (-1 for null) so that field boundaries cannot be shifted. */
    private static byte[] field(byte[] bytes) {
        if (bytes == null) {
            return ByteBuffer.allocate(4).putInt(-1).array();
        }
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }

    /**
     * Walks the chain from the head's start in seq order: every row's prev_hash must be the previous row's hash and
     * its hash must be recomputed from its fields; the head's last seq and hash must be the last row's. Pending
     * events are sealed first.
     */
    @Override
    public Verification verify() {
        seal();
        Map<String, Object> head = jdbc.queryForMap(
                "select start_seq, start_hash, last_seq, last_hash from app.audit_chain_head where id = 1");
        long startSeq = ((Number) head.get("start_seq")).longValue();
        byte[][] expectedPrev = {(byte[]) head.get("start_hash")};
        long[] count = {0};
        Long[] broken = {null};
        String[] reason = {null};
        long[] lastSeq = {startSeq};
        jdbc.query("select seq, occurred_at, username, action, object, result, client_ip, detail, prev_hash, hash"
                + " from app.audit_event where seq > ? order by seq", (RowCallbackHandler) rs -> {
            if (broken[0] != null) {
                return;
            }
            long seq = rs.getLong("seq");
            count[0]++;
            byte[] prev = rs.getBytes("prev_hash");
            byte[] stored = rs.getBytes("hash");
            byte[] computed = hash(prev, seq, rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs.getString("username"), rs.getString("action"), rs.getString("object"),
                    rs.getString("result"), rs.getString("client_ip"), rs.getString("detail"));
            if (!Arrays.equals(prev, expectedPrev[0])) {
                broken[0] = seq;
                reason[0] = "prev_hash";
            }
            else if (stored == null || !MessageDigest.isEqual(stored, computed)) {
                broken[0] = seq;
                reason[0] = "hash";
            }
            expectedPrev[0] = stored;
            lastSeq[0] = seq;
        }, startSeq);
        if (broken[0] != null) {
            return new Verification(false, count[0], broken[0], reason[0]);
        }
        Number headLast = (Number) head.get("last_seq");
        long headLastSeq = headLast == null ? startSeq : headLast.longValue();
        if (headLastSeq != lastSeq[0] || !Arrays.equals((byte[]) head.get("last_hash"), expectedPrev[0])) {
            // rows missing at the end (or the head moved): the first seq that should be there
            return new Verification(false, count[0], Math.min(headLastSeq, lastSeq[0]) + 1, "head");
        }
        return new Verification(true, count[0], null, null);
    }
}
