package org.firewalldoors.compliance.internal.events;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.firewalldoors.compliance.internal.oversight.Jdbc;
import java.util.function.Supplier;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.jdbc.Dialect;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.compliance.internal.policy.EventFields;
import org.firewalldoors.compliance.internal.policy.EventHistory;
import org.firewalldoors.jdbc.Migration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The event history of X8: an index, table {@code event_ledger}, of who attends and who speaks at each medical
 * education event, kept from the writes the firewall allows. A decision asks it with one indexed query per
 * condition, never the record store. An event written again replaces its rows; a deleted one loses them.
 *
 * <p>The index follows the decisions: a write that the firewall allows but that then fails in the host (another
 * interceptor refuses it, the database fails) leaves its rows until the event is written or deleted again.
 */
@Component(service = { EventLedger.class, EventHistory.class })
public final class EventLedger implements EventHistory {

    private static final String ATTENDEE = "ATTENDEE";
    private static final String SPEAKER = "SPEAKER";

    /** The table, versioned (owner {@code compliance.events}); SQL that H2 and PostgreSQL both run. */
    static final List<Migration> STEPS = List.of(Migration.of(1, "event ledger",
            """
            CREATE TABLE IF NOT EXISTS event_ledger (event_id VARCHAR(64) NOT NULL,
            region VARCHAR(32) NOT NULL, event_type VARCHAR(64) NOT NULL,
            starts_at TIMESTAMP WITH TIME ZONE NOT NULL, hcp_id VARCHAR(128) NOT NULL,
            part VARCHAR(16) NOT NULL, topic VARCHAR(512))""",
            "CREATE INDEX IF NOT EXISTS event_ledger_hcp ON event_ledger(region, hcp_id)",
            "CREATE INDEX IF NOT EXISTS event_ledger_event ON event_ledger(event_id)"));

    /** The first key of the advisory locks of HCPs ("X8"); the second is the hash of region and HCP id. */
    static final int LOCK_SPACE = 0x5838;

    private final DataSource ds;
    private final Clock clock;
    private final boolean postgres;
    private final Object embeddedLock = new Object();
    private final ThreadLocal<Connection> inRecheck = new ThreadLocal<>();

    /** @param ds the host's database */
    @Activate
    public EventLedger(@Reference(target = "(name=firewalldoors)") DataSource ds) {
        this(ds, Clock.systemUTC());
    }

    EventLedger(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
        Jdbc.migrate(ds, "compliance.events", STEPS);
        try (Connection c = ds.getConnection()) {
            this.postgres = Dialect.of(c) == Dialect.POSTGRESQL;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the event ledger: " + e.getMessage(), e);
        }
    }

    /** Keeps the index up to date with an operation the firewall allowed; other operations are ignored. */
    public void allowed(Operation op) {
        allowed(op, null);
    }

    /**
     * Keeps the index up to date with an operation the firewall allowed; other operations are ignored. A write of an
     * event is first decided again by {@code recheck} while this ledger holds a lock on each of the event's HCPs
     * (a PostgreSQL advisory lock shared by every host node; on the embedded database, a lock of this ledger), held
     * until its rows are committed: two writes decided at the same time, on one node or on two, cannot both take
     * the last place an HCP's attendance limit leaves (X8). The second sees the first's rows and is refused.
     *
     * @param recheck decides the operation again; null to record without deciding again
     * @throws OperationRefusedException when the second decision blocks: the write must roll back
     */
    public void allowed(Operation op, Supplier<Decision> recheck) {
        if (!RECORD_TYPE.equals(op.recordType().name()) || op.recordId() == null) {
            return;
        }
        Action a = op.action();
        if (a == Action.DELETE) {
            transaction(c -> delete(c, op.recordId()));
        } else if (a == Action.CREATE || a == Action.UPDATE || a == Action.ASSIGN) {
            record(op.recordId(), op.region(), op.after(), recheck);
        }
    }

    /** Replaces the rows of one event. */
    void record(String eventId, String region, Map<String, Object> fields) {
        record(eventId, region, fields, null);
    }

    private void record(String eventId, String region, Map<String, Object> fields, Supplier<Decision> recheck) {
        if (recheck == null) {
            write(eventId, region, fields, null);
            return;
        }
        if (!postgres) {
            synchronized (embeddedLock) {
                write(eventId, region, fields, recheck);
            }
            return;
        }
        write(eventId, region, fields, recheck);
    }

    private void write(String eventId, String region, Map<String, Object> fields, Supplier<Decision> recheck) {
        Instant start = EventFields.start(fields, clock.instant());
        String type = typeKey(EventFields.eventType(fields));
        String topic = EventFields.topicKey(fields.get(TOPIC));
        transaction(c -> {
            if (recheck != null) {
                if (postgres) {
                    lock(c, region, fields);
                }
                Decision again;
                inRecheck.set(c); // the decision's questions to this ledger are asked on the locked connection
                try {
                    again = recheck.get();
                } finally {
                    inRecheck.remove();
                }
                if (again.blocked()) {
                    throw new OperationRefusedException(again);
                }
            }
            delete(c, eventId);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO event_ledger (event_id, region, event_type, "
                    + "starts_at, hcp_id, part, topic) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (String hcp : EventFields.hcpIds(fields.get(ATTENDEES))) {
                    add(s, eventId, region, type, start, hcp, ATTENDEE, topic);
                }
                for (String hcp : EventFields.hcpIds(fields.get(SPEAKERS))) {
                    add(s, eventId, region, type, start, hcp, SPEAKER, topic);
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<String, List<Instant>> attendances(String region, String eventType, Collection<String> hcpIds,
            String excludedEventId) {
        if (hcpIds.isEmpty()) {
            return Map.of();
        }
        return transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT hcp_id, starts_at FROM event_ledger WHERE region = ? "
                    + "AND hcp_id = ANY(?) AND part = ? AND event_type = ? AND event_id <> ?")) {
                s.setString(1, region);
                s.setArray(2, array(c, hcpIds));
                s.setString(3, ATTENDEE);
                s.setString(4, typeKey(eventType));
                s.setString(5, excludedEventId == null ? "" : excludedEventId);
                Map<String, List<Instant>> result = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(rs.getObject(2, OffsetDateTime.class).toInstant());
                    }
                }
                return result;
            }
        });
    }

    @Override
    public Set<String> speakersOn(String region, String topic, Collection<String> hcpIds, String excludedEventId) {
        String key = EventFields.topicKey(topic);
        if (hcpIds.isEmpty() || key == null) {
            return Set.of();
        }
        return transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT hcp_id FROM event_ledger WHERE region = ? "
                    + "AND hcp_id = ANY(?) AND part = ? AND topic = ? AND event_id <> ?")) {
                s.setString(1, region);
                s.setArray(2, array(c, hcpIds));
                s.setString(3, SPEAKER);
                s.setString(4, key);
                s.setString(5, excludedEventId == null ? "" : excludedEventId);
                Set<String> result = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getString(1));
                    }
                }
                return result;
            }
        });
    }

    /** Takes the advisory lock of each HCP of the event, in one order on every node so that none waits in a circle. */
    private static void lock(Connection c, String region, Map<String, Object> fields) throws SQLException {
        java.util.TreeSet<Integer> keys = new java.util.TreeSet<>();
        for (String hcp : EventFields.hcpIds(fields.get(ATTENDEES))) {
            keys.add((region + "\n" + hcp).hashCode());
        }
        for (String hcp : EventFields.hcpIds(fields.get(SPEAKERS))) {
            keys.add((region + "\n" + hcp).hashCode());
        }
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            for (int key : keys) {
                s.setInt(1, LOCK_SPACE);
                s.setInt(2, key);
                s.executeQuery().close();
            }
        }
    }

    /** Events without a type are one type of their own. */
    private static String typeKey(String eventType) {
        return eventType == null ? "" : eventType;
    }

    private static Array array(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("VARCHAR", values.toArray());
    }

    private static void add(PreparedStatement s, String eventId, String region, String type, Instant start,
            String hcp, String part, String topic) throws SQLException {
        s.setString(1, eventId);
        s.setString(2, region);
        s.setString(3, type);
        s.setObject(4, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
        s.setString(5, hcp);
        s.setString(6, part);
        s.setString(7, topic);
        s.addBatch();
    }

    private static Void delete(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM event_ledger WHERE event_id = ?")) {
            s.setString(1, eventId);
            s.executeUpdate();
        }
        return null;
    }

    private <T> T transaction(Jdbc.Work<T> work) {
        Connection locked = inRecheck.get();
        if (locked != null) {
            try {
                return work.run(locked);
            } catch (SQLException e) {
                throw new IllegalStateException("compliance database failure: " + e.getMessage(), e);
            }
        }
        return Jdbc.transaction(ds, work);
    }
}
