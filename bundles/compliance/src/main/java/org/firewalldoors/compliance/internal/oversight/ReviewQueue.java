package org.firewalldoors.compliance.internal.oversight;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.firewalldoors.jdbc.Dialect;
import org.firewalldoors.jdbc.Migration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The compliance review queue (X6): a FLAG lets an operation through and opens
 * an item assigned to the region's compliance officer. One item stays open per
 * rule, actor and record, however often the rule fires.
 */
@Component(service = ReviewQueue.class)
public final class ReviewQueue {

    private static final String COLUMNS = "id, created_at, category, region, rule, requirement, record_type, record_id, "
            + "actor, assignee, status, message, comment, updated_at, excerpt, label";

    /** The table, versioned (owner {@code compliance.review}); SQL that H2 and PostgreSQL both run. */
    static final List<Migration> STEPS = List.of(Migration.of(1, "review items",
            """
            CREATE TABLE IF NOT EXISTS review_item (id VARCHAR(64) PRIMARY KEY,
            created_at TIMESTAMP WITH TIME ZONE NOT NULL, category VARCHAR(64), region VARCHAR(32) NOT NULL,
            rule VARCHAR(128) NOT NULL, requirement VARCHAR(8), record_type VARCHAR(64),
            record_id VARCHAR(64), actor VARCHAR(128), assignee VARCHAR(128), status VARCHAR(16) NOT NULL,
            message TEXT, comment TEXT, updated_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS review_item_region ON review_item(region, status)"),
            // One open item per rule, actor and record, held by the database: nodes opening it at once make one.
            Migration.of(2, "one open review item per rule, actor and record",
                    "ALTER TABLE review_item ADD COLUMN IF NOT EXISTS open_key VARCHAR(400)",
                    """
                    UPDATE review_item r SET open_key = r.rule || '|' || COALESCE(r.actor, '') || '|'
                    || COALESCE(r.record_id, '') WHERE r.status <> 'CLOSED' AND r.open_key IS NULL
                    AND r.id = (SELECT MIN(o.id) FROM review_item o WHERE o.rule = r.rule
                    AND COALESCE(o.actor, '') = COALESCE(r.actor, '')
                    AND COALESCE(o.record_id, '') = COALESCE(r.record_id, '') AND o.status <> 'CLOSED')""",
                    "CREATE UNIQUE INDEX IF NOT EXISTS review_item_open ON review_item(open_key)"),
            Migration.of(3, "the flagged sentence and the reviewer's label (issue 15)",
                    "ALTER TABLE review_item ADD COLUMN IF NOT EXISTS excerpt TEXT",
                    "ALTER TABLE review_item ADD COLUMN IF NOT EXISTS label VARCHAR(16)"));

    private final DataSource ds;
    Clock clock = Clock.systemUTC();

    @Activate
    public ReviewQueue(@Reference(target = "(name=firewalldoors)") DataSource ds) {
        this.ds = ds;
        Jdbc.migrate(ds, "compliance.review", STEPS);
    }

    /**
     * Opens an item, or returns the one already open for the same rule, actor and record. Nodes that open
     * the same item at the same time make one: the database refuses the second, which then returns the first.
     */
    public ReviewItem open(String category, String region, String rule, String requirement, String recordType,
            String recordId, String actor, String assignee, String message) {
        return open(category, region, rule, requirement, recordType, recordId, actor, assignee, message, null);
    }

    /** As the other {@code open}, keeping the sentence that was flagged ({@code excerpt}, may be null). */
    public ReviewItem open(String category, String region, String rule, String requirement, String recordType,
            String recordId, String actor, String assignee, String message, String excerpt) {
        String key = rule + "|" + (actor == null ? "" : actor) + "|" + (recordId == null ? "" : recordId);
        for (int attempt = 1; ; attempt++) {
            Optional<ReviewItem> open = Jdbc.transaction(ds, c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM review_item "
                        + "WHERE open_key = ?")) {
                    s.setString(1, key);
                    return rows(s).stream().findFirst();
                }
            });
            if (open.isPresent()) {
                return open.get();
            }
            try {
                return insert(key, category, region, rule, requirement, recordType, recordId, actor, assignee,
                        message, excerpt);
            } catch (IllegalStateException e) {
                if (attempt == 3 || !(e.getCause() instanceof SQLException sql)
                        || !Dialect.DUPLICATE_KEY.equals(sql.getSQLState())) {
                    throw e;
                }
                // opened on another node meanwhile: return that one
            }
        }
    }

    private ReviewItem insert(String key, String category, String region, String rule, String requirement,
            String recordType, String recordId, String actor, String assignee, String message, String excerpt) {
        return Jdbc.transaction(ds, c -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ReviewItem item = new ReviewItem(UUID.randomUUID().toString(), now, category, region, rule, requirement,
                    recordType, recordId, actor, assignee, ReviewItem.OPEN, message, null, now, excerpt, null);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO review_item (" + COLUMNS
                    + ", open_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                s.setString(i++, item.id());
                s.setObject(i++, Jdbc.utc(item.createdAt()));
                s.setString(i++, category);
                s.setString(i++, region);
                s.setString(i++, rule);
                s.setString(i++, requirement);
                s.setString(i++, recordType);
                s.setString(i++, recordId);
                s.setString(i++, actor);
                s.setString(i++, assignee);
                s.setString(i++, item.status());
                s.setString(i++, message);
                s.setString(i++, null);
                s.setObject(i++, Jdbc.utc(now));
                s.setString(i++, excerpt);
                s.setString(i++, null);
                s.setString(i, key);
                s.executeUpdate();
            }
            return item;
        });
    }

    /** @return the items of a region, with the given status or all when null, newest first */
    public List<ReviewItem> list(String region, String status) {
        return Jdbc.transaction(ds, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM review_item WHERE region = ?"
                    + (status == null ? "" : " AND status = ?") + " ORDER BY created_at DESC")) {
                s.setString(1, region);
                if (status != null) {
                    s.setString(2, status);
                }
                return rows(s);
            }
        });
    }

    /** @return the item with the given id */
    public Optional<ReviewItem> find(String id) {
        return Jdbc.transaction(ds, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM review_item WHERE id = ?")) {
                s.setString(1, id);
                return rows(s).stream().findFirst();
            }
        });
    }

    /**
     * Moves an item on: OPEN to IN_REVIEW or CLOSED, IN_REVIEW to CLOSED.
     *
     * @throws IllegalStateException for any other move
     */
    public ReviewItem setStatus(String id, String status, String comment) {
        return Jdbc.transaction(ds, c -> {
            ReviewItem item;
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM review_item WHERE id = ? FOR UPDATE")) {
                s.setString(1, id);
                item = rows(s).stream().findFirst().orElseThrow(() -> new IllegalArgumentException("no review item " + id));
            }
            boolean legal = (ReviewItem.OPEN.equals(item.status()) && !ReviewItem.OPEN.equals(status))
                    || (ReviewItem.IN_REVIEW.equals(item.status()) && ReviewItem.CLOSED.equals(status));
            if (!legal) {
                throw new IllegalStateException("a review item cannot go from " + item.status() + " to " + status);
            }
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE review_item SET status = ?, comment = ?, updated_at = ?"
                            + (ReviewItem.CLOSED.equals(status) ? ", open_key = NULL" : "") + " WHERE id = ?")) {
                s.setString(1, status);
                s.setString(2, comment);
                s.setObject(3, Jdbc.utc(now));
                s.setString(4, id);
                s.executeUpdate();
            }
            return new ReviewItem(item.id(), item.createdAt(), item.category(), item.region(), item.rule(),
                    item.requirement(), item.recordType(), item.recordId(), item.actor(), item.assignee(), status,
                    item.message(), comment, now, item.excerpt(), item.label());
        });
    }

    /**
     * Records what a reviewer found the flagged text to be (issue 15), whatever the item's status.
     *
     * @param label {@link ReviewItem#COMMERCIAL} or {@link ReviewItem#CLINICAL}
     */
    public ReviewItem label(String id, String label) {
        if (!ReviewItem.COMMERCIAL.equals(label) && !ReviewItem.CLINICAL.equals(label)) {
            throw new IllegalArgumentException("label must be commercial or clinical");
        }
        return Jdbc.transaction(ds, c -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE review_item SET label = ?, updated_at = ? WHERE id = ?")) {
                s.setString(1, label);
                s.setObject(2, Jdbc.utc(now));
                s.setString(3, id);
                if (s.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no review item " + id);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM review_item WHERE id = ?")) {
                s.setString(1, id);
                return rows(s).get(0);
            }
        });
    }

    /** @return the items of a region a reviewer labelled, oldest first */
    public List<ReviewItem> labelled(String region) {
        return Jdbc.transaction(ds, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM review_item WHERE region = ? "
                    + "AND label IS NOT NULL ORDER BY created_at, id")) {
                s.setString(1, region);
                return rows(s);
            }
        });
    }

    private static List<ReviewItem> rows(PreparedStatement s) throws SQLException {
        List<ReviewItem> items = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                items.add(row(rs));
            }
        }
        return items;
    }

    private static ReviewItem row(ResultSet rs) throws SQLException {
        return new ReviewItem(rs.getString("id"), Jdbc.instant(rs.getObject("created_at")), rs.getString("category"),
                rs.getString("region"), rs.getString("rule"), rs.getString("requirement"), rs.getString("record_type"),
                rs.getString("record_id"), rs.getString("actor"), rs.getString("assignee"), rs.getString("status"),
                rs.getString("message"), rs.getString("comment"), Jdbc.instant(rs.getObject("updated_at")),
                rs.getString("excerpt"), rs.getString("label"));
    }

}
