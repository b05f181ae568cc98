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
import org.firewalldoors.api.host.Action;
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

    private final DataSource ds;
    private final Clock clock;

    /** @param ds the host's database */
    @Activate
    public EventLedger(@Reference(target = "(name=firewalldoors)") DataSource ds) {
        this(ds, Clock.systemUTC());
    }

    EventLedger(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
        Jdbc.migrate(ds, "compliance.events", STEPS);
    }

    /** Keeps the index up to date with an operation the firewall allowed; other operations are ignored. */
    public void allowed(Operation op) {
        if (!RECORD_TYPE.equals(op.recordType().name()) || op.recordId() == null) {
            return;
        }
        Action a = op.action();
        if (a == Action.DELETE) {
            transaction(c -> delete(c, op.recordId()));
        } else if (a == Action.CREATE || a == Action.UPDATE || a == Action.ASSIGN) {
            record(op.recordId(), op.region(), op.after());
        }
    }

    /** Replaces the rows of one event. */
    void record(String eventId, String region, Map<String, Object> fields) {
        Instant start = EventFields.start(fields, clock.instant());
        String type = typeKey(EventFields.eventType(fields));
        String topic = EventFields.topicKey(fields.get(TOPIC));
        transaction(c -> {
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
        return Jdbc.transaction(ds, work);
    }
}
