package org.firewalldoors.compliance.internal.oversight;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.firewalldoors.api.compliance.Escalations;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.jdbc.Migration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Escalations (G7, O8, X1): addressed to the region's compliance officer and
 * head of medical affairs; readable and resolvable by them only. Also offered
 * to other bundles as the {@link Escalations} service.
 */
@Component(service = { JdbcEscalations.class, Escalations.class })
public final class JdbcEscalations implements Escalations {

    /** The roles that receive, read and resolve escalations. */
    public static final Set<String> RECIPIENT_ROLES = Set.of("COMPLIANCE_OFFICER", "MEDICAL_HEAD");

    private static final String COLUMNS = "id, created_at, region, kind, rule, requirement, actor, description, "
            + "record_type, record_id, recipients, status, resolution, resolved_by, resolved_at";

    /** The table, versioned (owner {@code compliance.escalations}); SQL that H2 and PostgreSQL both run. */
    static final List<Migration> STEPS = List.of(Migration.of(1, "escalations",
            """
            CREATE TABLE IF NOT EXISTS escalation (id VARCHAR(64) PRIMARY KEY,
            created_at TIMESTAMP WITH TIME ZONE NOT NULL, region VARCHAR(32) NOT NULL, kind VARCHAR(16) NOT NULL,
            rule VARCHAR(128), requirement VARCHAR(8), actor VARCHAR(128), description TEXT,
            record_type VARCHAR(64), record_id VARCHAR(64), recipients VARCHAR(1024), status VARCHAR(16) NOT NULL,
            resolution TEXT, resolved_by VARCHAR(128), resolved_at TIMESTAMP WITH TIME ZONE)"""));

    private final DataSource ds;
    private final UserDirectory users;
    Clock clock = Clock.systemUTC();

    @Activate
    public JdbcEscalations(@Reference(target = "(name=firewalldoors)") DataSource ds, @Reference UserDirectory users) {
        this.ds = ds;
        this.users = users;
        Jdbc.migrate(ds, "compliance.escalations", STEPS);
    }

    /** @return whether the principal may read and resolve the escalations of the region */
    public static boolean mayHandle(Principal p, String region) {
        return p.region().equals(region) && RECIPIENT_ROLES.contains(p.role())
                && (p.function() == BusinessFunction.COMPLIANCE || p.function() == BusinessFunction.MEDICAL);
    }

    @Override
    public String raise(String region, String kind, String rule, String requirement, String actor,
            String description, String recordType, String recordId) {
        return open(region, kind, rule, requirement, actor, description, recordType, recordId).id();
    }

    /** Raises an escalation to the region's compliance officers and heads of medical affairs. */
    public Escalation open(String region, String kind, String rule, String requirement, String actor,
            String description, String recordType, String recordId) {
        List<String> recipients = users.inRegion(region).stream().filter(p -> mayHandle(p, region))
                .map(Principal::id).sorted().toList();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Escalation e = new Escalation(UUID.randomUUID().toString(), now, region, kind, rule, requirement, actor,
                description, recordType, recordId, recipients, Escalation.OPEN, null, null, null);
        Jdbc.transaction(ds, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO escalation (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                s.setString(i++, e.id());
                s.setObject(i++, Jdbc.utc(now));
                s.setString(i++, region);
                s.setString(i++, kind);
                s.setString(i++, rule);
                s.setString(i++, requirement);
                s.setString(i++, actor);
                s.setString(i++, description);
                s.setString(i++, recordType);
                s.setString(i++, recordId);
                s.setString(i++, String.join(",", recipients));
                s.setString(i++, e.status());
                s.setString(i++, null);
                s.setString(i++, null);
                s.setObject(i, null);
                return s.executeUpdate();
            }
        });
        return e;
    }

    /** @return the escalations of a region, newest first */
    public List<Escalation> list(String region) {
        return Jdbc.transaction(ds, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM escalation WHERE region = ? ORDER BY created_at DESC")) {
                s.setString(1, region);
                return rows(s);
            }
        });
    }

    /** @return the escalation with the given id */
    public Optional<Escalation> find(String id) {
        return Jdbc.transaction(ds, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM escalation WHERE id = ?")) {
                s.setString(1, id);
                return rows(s).stream().findFirst();
            }
        });
    }

    /**
     * Resolves an open escalation.
     *
     * @throws IllegalStateException if it is already resolved
     */
    public Escalation resolve(String id, String resolution, String by) {
        return Jdbc.transaction(ds, c -> {
            Escalation e;
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM escalation WHERE id = ? FOR UPDATE")) {
                s.setString(1, id);
                e = rows(s).stream().findFirst().orElseThrow(() -> new IllegalArgumentException("no escalation " + id));
            }
            if (!Escalation.OPEN.equals(e.status())) {
                throw new IllegalStateException("the escalation is already " + e.status());
            }
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement s = c.prepareStatement("UPDATE escalation SET status = ?, resolution = ?, "
                    + "resolved_by = ?, resolved_at = ? WHERE id = ?")) {
                s.setString(1, Escalation.RESOLVED);
                s.setString(2, resolution);
                s.setString(3, by);
                s.setObject(4, Jdbc.utc(now));
                s.setString(5, id);
                s.executeUpdate();
            }
            return new Escalation(e.id(), e.createdAt(), e.region(), e.kind(), e.rule(), e.requirement(), e.actor(),
                    e.description(), e.recordType(), e.recordId(), e.recipients(), Escalation.RESOLVED, resolution, by,
                    now);
        });
    }

    private static List<Escalation> rows(PreparedStatement s) throws SQLException {
        List<Escalation> result = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String recipients = rs.getString("recipients");
                result.add(new Escalation(rs.getString("id"), Jdbc.instant(rs.getObject("created_at")),
                        rs.getString("region"), rs.getString("kind"), rs.getString("rule"), rs.getString("requirement"),
                        rs.getString("actor"), rs.getString("description"), rs.getString("record_type"),
                        rs.getString("record_id"),
                        recipients == null || recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(",")),
                        rs.getString("status"), rs.getString("resolution"), rs.getString("resolved_by"),
                        Jdbc.instant(rs.getObject("resolved_at"))));
            }
        }
        return result;
    }
}
