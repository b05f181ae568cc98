package org.firewalldoors.compliance.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.firewalldoors.api.compliance.AuditEntry;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.AuditVerification;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.jdbc.Dialect;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tamper-evident audit trail (X2, H8) in the host's database, table
 * {@code audit_entry}: every entry is chained to the one before by a SHA-256
 * hash over the previous hash and the entry's sequence number, time and
 * every event field, so an edited, deleted or reordered row shows up in
 * {@link #verify()}. Entries are only ever inserted.
 *
 * <p>A failure to append is thrown as an {@link IllegalStateException}: what
 * cannot be audited must not happen.
 */
@Component(service = AuditTrail.class)
public final class JdbcAuditTrail implements AuditTrail {

    /** The most entries {@link #list} returns at once. */
    public static final int MAX_LIST = 1000;

    private static final int APPEND_ATTEMPTS = 3;
    /** The most appends written in one transaction. */
    static final int MAX_BATCH = 200;

    private final DataSource dataSource;
    private final Clock clock;
    private final Object appendLock = new Object();
    private final java.util.concurrent.ConcurrentLinkedQueue<Pending> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private long lastSeq;
    private String lastHash;

    /**
     * Opens the trail in the host's database, creating its table if absent.
     *
     * @param dataSource the host's database
     */
    @Activate
    public JdbcAuditTrail(@Reference(target = "(name=firewalldoors)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    JdbcAuditTrail(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            AuditTable.create(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the audit trail table", e);
        }
        synchronized (appendLock) {
            loadLast();
        }
    }

    /**
     * Appends the entry and returns once it is committed. Appends that arrive while another is being written wait
     * and are then written together, in one transaction under one lock of the anchor: on a database server each
     * commit waits for the disk, and a chain that all nodes share can take one append at a time, so under load
     * many entries share one commit instead of queueing for one each.
     */
    @Override
    public AuditEntry append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        Pending mine = new Pending(event);
        queue.add(mine);
        synchronized (appendLock) {
            while (!mine.done) {
                List<Pending> batch = new ArrayList<>();
                Pending next;
                while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                    batch.add(next);
                }
                write(batch);
            }
        }
        if (mine.failure != null) {
            throw new IllegalStateException("Cannot append to the audit trail", mine.failure);
        }
        return mine.entry;
    }

    /** An append waiting for its entry; its fields are written and read under the append lock. */
    private static final class Pending {
        final AuditEvent event;
        boolean done;
        AuditEntry entry;
        Exception failure;

        Pending(AuditEvent event) {
            this.event = event;
        }
    }

    /** Writes a batch of appends in one transaction; each learns its entry, or the failure of all. */
    private void write(List<Pending> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<AuditRow> rows = appendRows(batch.stream().map(p -> p.event).toList());
                AuditRow last = rows.get(rows.size() - 1);
                lastSeq = last.seq();
                lastHash = last.hash();
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).entry = rows.get(i).toEntry();
                    batch.get(i).done = true;
                }
                return;
            } catch (SQLException | RuntimeException caught) {
                Exception e = caught;
                boolean retry = e instanceof SQLException sql && Dialect.DUPLICATE_KEY.equals(sql.getSQLState())
                        && attempt < APPEND_ATTEMPTS;
                if (retry) {
                    try {
                        // Another instance on the same database made the first entry at the same time: continue after it.
                        loadLast();
                        continue;
                    } catch (RuntimeException again) {
                        e = again;
                    }
                }
                if (batch.size() > 1) {
                    // One entry the database refuses must not fail the appends it happened to be written with.
                    batch.forEach(p -> write(List.of(p)));
                    return;
                }
                for (Pending p : batch) {
                    p.failure = e;
                    p.done = true;
                }
                return;
            }
        }
    }

    @Override
    public List<AuditEntry> list(Instant since, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return select(null, since, 0, "", limit);
    }

    @Override
    public List<AuditEntry> newest(String region, Instant since, long beforeSeq, int limit) {
        if (limit < 0 || beforeSeq < 0) {
            throw new IllegalArgumentException("limit and beforeSeq must not be negative");
        }
        return select(region, since, beforeSeq, " DESC", limit);
    }

    /** Entries of a region (and the GLOBAL ones), at or after a time, below a sequence number, by sequence. */
    private List<AuditEntry> select(String region, Instant since, long beforeSeq, String order, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (region != null) {
            where.add("region IN (?, ?)");
            args.add(region);
            args.add(Principal.GLOBAL); // entries about the whole installation
        }
        if (since != null) {
            where.add("at >= ?");
            args.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        if (beforeSeq > 0) {
            where.add("seq < ?");
            args.add(beforeSeq);
        }
        String sql = AuditTable.SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY seq" + order + " LIMIT ?";
        args.add(Math.min(limit, MAX_LIST));
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(AuditTable.read(rs).toEntry());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
        return entries;
    }

    @Override
    public AuditVerification verify() {
        long appended;
        synchronized (appendLock) {
            appended = lastSeq;
        }
        ChainCheck check = new ChainCheck();
        try (Connection c = dataSource.getConnection()) {
            // In a transaction: PostgreSQL streams a long trail in batches only there, otherwise reads it whole.
            c.setAutoCommit(false);
            Object[] anchor = AuditTable.readAnchor(c);
            if (anchor != null) {
                check.anchor((Long) anchor[0], (String) anchor[1]);
            }
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery(AuditTable.SELECT + " ORDER BY seq")) {
                    while (rs.next()) {
                        check.next(AuditTable.read(rs));
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
        return check.result(appended);
    }

    /**
     * Appends entries in one transaction that holds the anchor's row lock: instances on other nodes that share
     * the database wait for it, and an instance that finds the anchor moved on continues after the entries the
     * others appended, so that all of them write one chain.
     */
    private List<AuditRow> appendRows(List<AuditEvent> events) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Object[] anchor = AuditTable.lockAnchor(c);
                if (anchor != null && (Long) anchor[0] != lastSeq) {
                    loadLast(c);
                }
                List<AuditRow> rows = new ArrayList<>(events.size());
                long seq = lastSeq;
                String hash = lastHash;
                for (AuditEvent event : events) {
                    // Microseconds, so that the time hashed is the time the database gives back.
                    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    AuditRow row = AuditRow.of(++seq, at, event, hash);
                    AuditTable.insert(c, row);
                    hash = row.hash();
                    rows.add(row);
                }
                AuditTable.anchor(c, rows.get(rows.size() - 1));
                c.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private void loadLast() {
        try (Connection c = dataSource.getConnection()) {
            loadLast(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
    }

    private void loadLast(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")) {
            Object[] anchor = AuditTable.readAnchor(c);
            long tableSeq = 0;
            String tableHash = AuditRow.GENESIS;
            if (rs.next()) {
                tableSeq = rs.getLong(1);
                tableHash = rs.getString(2);
            }
            if (anchor != null && (Long) anchor[0] > tableSeq) {
                // The anchor, not the table, says where the chain ends: a cut-off tail stays a visible gap.
                lastSeq = (Long) anchor[0];
                lastHash = (String) anchor[1];
            } else {
                lastSeq = tableSeq;
                lastHash = tableHash;
            }
        }
    }
}
