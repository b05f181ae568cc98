package org.firewalldoors.host.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.ExportCursor;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.ListOutcome;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordNotFoundException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.firewalldoors.api.host.StaleRecordException;
import org.firewalldoors.api.host.UserDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The reference host's record store on the embedded database. Every operation
 * is described as an {@link Operation} and decided by the interceptor chain
 * before it takes effect; writes run in one transaction with the read of the
 * record they change.
 */
@Component(service = RecordStore.class)
public final class JdbcRecordStore implements RecordStore {

    /** How many records an export reads at once. */
    static final int EXPORT_PAGE = 500;
    private static final String COLUMNS = "id, type, owner, region, version, created_at, updated_at, fields, field_stamps";

    @Reference(target = "(name=" + DatabaseService.NAME + ")")
    DataSource dataSource;
    @Reference
    InterceptorChain chain;
    @Reference
    RecordTypeRegistry types;
    @Reference
    UserDirectory users;

    Clock clock = Clock.systemUTC();

    @Override
    public List<RecordTypeDescriptor> recordTypes() {
        return types.all();
    }

    @Override
    public Optional<RecordTypeDescriptor> recordType(String type) {
        return types.find(type);
    }

    @Override
    public CrmRecord create(Caller caller, String type, Map<String, Object> fields) {
        RecordTypeDescriptor d = require(type);
        Map<String, Object> values = new LinkedHashMap<>(fields);
        FieldValidator.validate(d, values, true);
        Principal actor = caller.principal();
        String id = UUID.randomUUID().toString();
        Operation op = new Operation(caller, Action.CREATE, d, id, null, values,
                related(actor.id(), d, values, true), actor.region());
        Decision decision = chain.decide(op);
        Instant now = now();
        Stored created = new Stored(new CrmRecord(type, id, values, actor.id(), actor.region(), 1, now, now),
                FieldStamps.created(values, now));
        transaction(c -> {
            insert(c, created);
            chain.applied(op, decision, 1);
            return null;
        });
        return visible(created, decision);
    }

    @Override
    public Optional<CrmRecord> read(Caller caller, String type, String id) {
        RecordTypeDescriptor d = require(type);
        Optional<Stored> stored = transaction(c -> load(c, id, false))
                .filter(s -> inScope(caller, type, s.record()));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        return decideRead(caller, d, stored.get().record(), Action.READ).map(dec -> visible(stored.get(), dec));
    }

    @Override
    public List<CrmRecord> query(Caller caller, String type, Map<String, Object> criteria) {
        return list(caller, type, criteria, Action.QUERY);
    }

    @Override
    public List<CrmRecord> export(Caller caller, String type, Map<String, Object> criteria) {
        return list(caller, type, criteria, Action.EXPORT);
    }

    /**
     * Every record of the type in the caller's region is decided, whatever the criteria, and the criteria are
     * matched against what the caller may see: a criterion on a field kept from the caller matches nothing, and
     * takes the same time whether a hidden value would have matched or not (K3).
     */
    @Override
    public long export(Caller caller, String type, Map<String, Object> criteria, ExportCursor after,
            Consumer<CrmRecord> sink) {
        RecordTypeDescriptor d = require(type);
        Principal actor = caller.principal();
        Operation collection = new Operation(caller, Action.EXPORT, d, null, null, criteria, List.of(),
                actor.region());
        chain.decide(collection);
        Outcome outcome = new Outcome();
        // Creation order, so that the order of an export does not move when a field kept from the caller changes;
        // the cursor is compared with the time of the last change the caller may see. Read a page at a time, and
        // no connection held while the sink writes: a client that reads its export slowly must not keep one of the
        // pool's connections from everyone else.
        Instant since = after == null ? Instant.EPOCH : after.updatedAt();
        try {
            Stored last = null;
            while (true) {
                List<Stored> page = exportPage(type, actor.region(), since, last);
                for (Stored r : page) {
                    Optional<CrmRecord> shown = outcome.decide(r, decideRead(caller, d, r.record(), Action.EXPORT),
                            criteria);
                    if (shown.isPresent() && (after == null || isAfter(shown.get(), after))) {
                        sink.accept(shown.get());
                        outcome.shown++;
                    }
                }
                if (page.size() < EXPORT_PAGE) {
                    return outcome.shown;
                }
                last = page.get(page.size() - 1);
            }
        } finally {
            chain.listed(collection, outcome.toListOutcome());
        }
    }

    /** The next page of an export: records of the type and region changed at or after {@code since}, by creation. */
    private List<Stored> exportPage(String type, String region, Instant since, Stored last) {
        String sql = "SELECT " + COLUMNS + " FROM crm_record WHERE type = ? AND region = ? AND updated_at >= ?"
                + (last == null ? "" : " AND (created_at > ? OR (created_at = ? AND id > ?))")
                + " ORDER BY created_at, id LIMIT " + EXPORT_PAGE;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setReadOnly(true);
            s.setString(1, type);
            s.setString(2, region);
            s.setObject(3, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            if (last != null) {
                OffsetDateTime created = OffsetDateTime.ofInstant(last.record().createdAt(), ZoneOffset.UTC);
                s.setObject(4, created);
                s.setObject(5, created);
                s.setString(6, last.record().id());
            }
            List<Stored> page = new ArrayList<>(EXPORT_PAGE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(row(rs));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("CRM database failure: " + e.getMessage(), e);
        }
    }

    private List<CrmRecord> list(Caller caller, String type, Map<String, Object> criteria, Action action) {
        RecordTypeDescriptor d = require(type);
        Principal actor = caller.principal();
        Operation collection = new Operation(caller, action, d, null, null, criteria, List.of(), actor.region());
        chain.decide(collection);
        List<Stored> rows = transaction(c -> loadAll(c, type, actor.region()));
        List<CrmRecord> result = new ArrayList<>();
        Outcome outcome = new Outcome();
        try {
            for (Stored r : rows) {
                outcome.decide(r, decideRead(caller, d, r.record(), action), criteria).ifPresent(result::add);
            }
            outcome.shown = result.size();
        } finally {
            chain.listed(collection, outcome.toListOutcome());
        }
        return result;
    }

    private static boolean isAfter(CrmRecord r, ExportCursor cursor) {
        int c = r.updatedAt().compareTo(cursor.updatedAt());
        return c > 0 || c == 0 && r.id().compareTo(cursor.id()) > 0;
    }

    /** Counts what the decisions of one list came to. */
    private static final class Outcome {
        int decided;
        int shown;
        int concealed;
        int redacted;
        final Map<String, Integer> crossings = new TreeMap<>();
        String policyId;
        String policyVersion;

        /** @return the record as the caller may see it, if they may and it matches the criteria */
        Optional<CrmRecord> decide(Stored r, Optional<Decision> decision, Map<String, Object> criteria) {
            decided++;
            if (decision.isEmpty()) {
                concealed++;
                return Optional.empty();
            }
            Decision dec = decision.get();
            if (dec.policyId() != null) {
                policyId = dec.policyId();
                policyVersion = dec.policyVersion();
            }
            CrmRecord v = visible(r, dec);
            if (!matches(v, criteria)) {
                return Optional.empty();
            }
            if (!dec.redactedFields().isEmpty()) {
                redacted++;
            }
            dec.findings().stream().filter(f -> f.kind() == FindingKind.CROSSING)
                    .forEach(f -> crossings.merge(f.ruleId(), 1, Integer::sum));
            return Optional.of(v);
        }

        ListOutcome toListOutcome() {
            return new ListOutcome(decided, shown, concealed, redacted, crossings, policyId, policyVersion);
        }
    }

    @Override
    public CrmRecord update(Caller caller, String type, String id, Map<String, Object> changes, long expectedVersion) {
        RecordTypeDescriptor d = require(type);
        FieldValidator.validate(d, changes, false);
        return transaction(c -> {
            Stored before = loadInScope(c, caller, type, id);
            Map<String, Object> merged = new LinkedHashMap<>(before.record().fields());
            changes.forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
            // Decided before the version check, so that a record the caller may not see answers 404, never 409.
            Operation op = new Operation(caller, Action.UPDATE, d, id, before.record(), merged,
                    related(before.record().owner(), d, merged, true), before.record().region());
            Decision decision = decideOn(op);
            long seen = visible(before, decision).version();
            if (expectedVersion > 0 && expectedVersion != seen) {
                throw new StaleRecordException(type + " " + id + " is at version " + seen + ", not "
                        + expectedVersion);
            }
            Stored after = write(c, before, merged);
            chain.applied(op, decision, after.record().version());
            return visible(after, decision);
        });
    }
    @Override
    public void delete(Caller caller, String type, String id) {
        RecordTypeDescriptor d = require(type);
        transaction(c -> {
            CrmRecord before = loadInScope(c, caller, type, id).record();
            Operation op = new Operation(caller, Action.DELETE, d, id, before, Map.of(),
                    related(before.owner(), d, before.fields(), false), before.region());
            Decision decision = decideOn(op);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM crm_share WHERE record_id = ?");
                    PreparedStatement r = c.prepareStatement("DELETE FROM crm_record WHERE id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
                r.setString(1, id);
                r.executeUpdate();
            }
            chain.applied(op, decision, before.version());
            return null;
        });
    }

    @Override
    public void share(Caller caller, String type, String id, String recipientId) {
        RecordTypeDescriptor d = require(type);
        Principal recipient = users.find(recipientId)
                .orElseThrow(() -> new InvalidRecordException("unknown user '" + recipientId + "'"));
        transaction(c -> {
            CrmRecord before = loadInScope(c, caller, type, id).record();
            List<RelatedPrincipal> related = new ArrayList<>(related(before.owner(), d, before.fields(), false));
            related.add(new RelatedPrincipal(RelatedPrincipal.RECIPIENT, recipient));
            Operation op = new Operation(caller, Action.SHARE, d, id, before, Map.of(), related, before.region());
            Decision decision = decideOn(op);
            shareRow(c, id, recipientId, caller.principal().id());
            chain.applied(op, decision, before.version());
            return null;
        });
    }

    @Override
    public CrmRecord assign(Caller caller, String type, String id, String assigneeId) {
        RecordTypeDescriptor d = require(type);
        Objects.requireNonNull(assigneeId, "assigneeId");
        return transaction(c -> {
            Stored before = loadInScope(c, caller, type, id);
            Map<String, Object> merged = new LinkedHashMap<>(before.record().fields());
            merged.put("assignee", assigneeId);
            List<RelatedPrincipal> related = new ArrayList<>(related(before.record().owner(), d, merged, true));
            related.add(new RelatedPrincipal("assignee", users.find(assigneeId)
                    .orElseThrow(() -> new InvalidRecordException("unknown user '" + assigneeId + "'"))));
            Operation op = new Operation(caller, Action.ASSIGN, d, id, before.record(), merged,
                    related.stream().distinct().toList(), before.record().region());
            Decision decision = decideOn(op);
            Stored after = write(c, before, merged);
            chain.applied(op, decision, after.record().version());
            return visible(after, decision);
        });
    }

    // --- decisions --------------------------------------------------------------------------

    /**
     * Decides a write of a stored record. A record the caller may not see answers exactly as an absent one,
     * message included, so that nobody tells the two apart (K3).
     */
    private Decision decideOn(Operation op) {
        try {
            return chain.decide(op);
        } catch (OperationRefusedException e) {
            if (e.refusal().kind() == RefusalKind.CONCEALED) {
                throw RecordNotFoundException.record(op.recordType().name(), op.recordId());
            }
            throw e;
        }
    }

    /** Decides a read of a stored record; empty when the caller may not see it. */
    private Optional<Decision> decideRead(Caller caller, RecordTypeDescriptor d, CrmRecord r, Action action) {
        try {
            return Optional.of(chain.decide(new Operation(caller, action, d, r.id(), r, Map.of(),
                    related(r.owner(), d, r.fields(), false), r.region())));
        } catch (OperationRefusedException e) {
            RefusalKind kind = e.refusal().kind();
            if (kind == RefusalKind.POLICY_UNAVAILABLE || kind == RefusalKind.MODULE_DISABLED) {
                throw e;
            }
            return Optional.empty(); // never leak that a record exists
        }
    }

    /**
     * The record as a decision lets the caller see it: without the redacted fields, and with the version and
     * update time of the last change to a field the caller may see.
     */
    private static CrmRecord visible(Stored s, Decision decision) {
        CrmRecord r = s.record();
        // Through a door the other side gets the door's fields, not whose record it is (which MSL holds a KOL
        // relationship is Medical Affairs' to know, K3).
        boolean crossed = decision.findings().stream().anyMatch(f -> f.kind() == FindingKind.CROSSING);
        if (decision.redactedFields().isEmpty() && !crossed) {
            return r;
        }
        Map<String, Object> fields = new LinkedHashMap<>(r.fields());
        fields.keySet().removeAll(decision.redactedFields());
        FieldStamps.Stamp last = s.stamps().lastChangeOf(fields.keySet(), r.createdAt());
        return new CrmRecord(r.type(), r.id(), fields, crossed ? "" : r.owner(), r.region(), last.version(),
                r.createdAt(), Instant.parse(last.at()));
    }

    /**
     * The principals an operation involves: the owner and every user named by a
     * field. Unknown users in input are an error; in stored data they are skipped.
     */
    private List<RelatedPrincipal> related(String ownerId, RecordTypeDescriptor d, Map<String, Object> fields,
            boolean input) {
        List<RelatedPrincipal> related = new ArrayList<>();
        users.find(ownerId).ifPresent(p -> related.add(new RelatedPrincipal(RelatedPrincipal.OWNER, p)));
        d.fields().forEach((name, spec) -> {
            Object value = fields.get(name);
            if (!spec.namesPrincipals() || value == null) {
                return;
            }
            List<?> ids = value instanceof List<?> l ? l : List.of(value);
            for (Object userId : ids) {
                Optional<Principal> p = users.find(String.valueOf(userId));
                if (p.isPresent()) {
                    related.add(new RelatedPrincipal(name, p.get()));
                } else if (input) {
                    throw new InvalidRecordException("unknown user '" + userId + "' in field '" + name + "'");
                }
            }
        });
        return related;
    }

    // --- storage ----------------------------------------------------------------------------

    private RecordTypeDescriptor require(String type) {
        return types.find(type).orElseThrow(() -> RecordNotFoundException.type(type));
    }

    /** Records are partitioned by region: a caller sees only those of their own region. */
    private static boolean inScope(Caller caller, String type, CrmRecord r) {
        return r.type().equals(type) && r.region().equals(caller.principal().region());
    }

    private Stored loadInScope(Connection c, Caller caller, String type, String id) throws SQLException {
        return load(c, id, true).filter(s -> inScope(caller, type, s.record()))
                .orElseThrow(() -> RecordNotFoundException.record(type, id));
    }

    private static boolean matches(CrmRecord r, Map<String, Object> criteria) {
        for (Map.Entry<String, Object> e : criteria.entrySet()) {
            Object v = r.field(e.getKey());
            if (v == null || !String.valueOf(v).equals(String.valueOf(e.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A stored record with the stamps of its fields. */
    private record Stored(CrmRecord record, FieldStamps stamps) {
    }

    private static Optional<Stored> load(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM crm_record WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static List<Stored> loadAll(Connection c, String type, String region) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM crm_record WHERE type = ? AND region = ? ORDER BY created_at, id")) {
            s.setString(1, type);
            s.setString(2, region);
            List<Stored> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(row(rs));
                }
            }
            return result;
        }
    }

    private static Stored row(ResultSet rs) throws SQLException {
        return new Stored(new CrmRecord(rs.getString("type"), rs.getString("id"),
                FieldsJson.read(rs.getString("fields")), rs.getString("owner"), rs.getString("region"),
                rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant()),
                FieldStamps.fromJson(rs.getString("field_stamps")));
    }

    private static void insert(Connection c, Stored stored) throws SQLException {
        CrmRecord r = stored.record();
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO crm_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, r.id());
            s.setString(2, r.type());
            s.setString(3, r.owner());
            s.setString(4, r.region());
            s.setLong(5, r.version());
            s.setObject(6, OffsetDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC));
            s.setObject(7, OffsetDateTime.ofInstant(r.updatedAt(), ZoneOffset.UTC));
            s.setString(8, FieldsJson.write(r.fields()));
            s.setString(9, stored.stamps().toJson());
            s.executeUpdate();
        }
    }

    /** Writes the next version of a record with the given fields. */
    private Stored write(Connection c, Stored before, Map<String, Object> fields) throws SQLException {
        CrmRecord b = before.record();
        Instant now = now();
        Stored after = new Stored(new CrmRecord(b.type(), b.id(), fields, b.owner(), b.region(), b.version() + 1,
                b.createdAt(), now), before.stamps().changed(b.fields(), fields, b.version() + 1, now));
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE crm_record SET version = ?, updated_at = ?, fields = ?, field_stamps = ? WHERE id = ?")) {
            s.setLong(1, after.record().version());
            s.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.setString(3, FieldsJson.write(fields));
            s.setString(4, after.stamps().toJson());
            s.setString(5, b.id());
            s.executeUpdate();
        }
        return after;
    }

    /**
     * Shares a record, or shares it again (by someone else, later): an update, else an insert, which H2 and
     * PostgreSQL both run; the record's row is locked by then, so no other share of it comes in between.
     */
    private void shareRow(Connection c, String id, String recipientId, String sharedBy) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now(), ZoneOffset.UTC);
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE crm_share SET shared_by = ?, shared_at = ? WHERE record_id = ? AND recipient = ?")) {
            u.setString(1, sharedBy);
            u.setObject(2, at);
            u.setString(3, id);
            u.setString(4, recipientId);
            if (u.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO crm_share (record_id, recipient, shared_by, shared_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, recipientId);
            s.setString(3, sharedBy);
            s.setObject(4, at);
            s.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }
    private <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("CRM database failure: " + e.getMessage(), e);
        }
    }
}
