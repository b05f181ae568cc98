package org.firewalldoors.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyCompiler;
import org.firewalldoors.compliance.internal.policy.PolicyException;
import org.firewalldoors.host.internal.store.StandardRecordTypes;

/** The users, record types and the real US policy the benchmarks share. */
public final class Fixtures {

    public static final Principal REP = user("rep.us", BusinessFunction.COMMERCIAL, "REP", "salesdir.us");
    public static final Principal REP2 = user("rep2.us", BusinessFunction.COMMERCIAL, "REP", "salesdir.us");
    public static final Principal SALESDIR = user("salesdir.us", BusinessFunction.COMMERCIAL, "SALES_DIRECTOR", null);
    public static final Principal MSL = user("msl.us", BusinessFunction.MEDICAL, "MSL", "msldir.us");
    public static final Principal MSL2 = user("msl2.us", BusinessFunction.MEDICAL, "MSL", "msldir.us");
    public static final Principal MSL_DIR = user("msldir.us", BusinessFunction.MEDICAL, "MSL_DIRECTOR", null);
    /** An MSL reporting to a commercial manager: the F1 structural violation. */
    public static final Principal MSL_UNDER_SALES = user("msl3.us", BusinessFunction.MEDICAL, "MSL", "salesdir.us");
    public static final Principal COMPLIANCE = user("compliance.us", BusinessFunction.COMPLIANCE, "COMPLIANCE_OFFICER",
            null);

    public static final List<Principal> USERS = List.of(REP, REP2, SALESDIR, MSL, MSL2, MSL_DIR, MSL_UNDER_SALES,
            COMPLIANCE);

    /** The reference host's record types, plus the KOL profile the kol bundle declares. */
    public static final Map<String, RecordTypeDescriptor> TYPES = types();

    private static final Map<String, Principal> BY_ID = byId();

    private Fixtures() {
    }

    private static Principal user(String id, BusinessFunction f, String role, String manager) {
        return new Principal(id, f, role, "US", manager);
    }

    private static Map<String, Principal> byId() {
        Map<String, Principal> m = new LinkedHashMap<>();
        USERS.forEach(p -> m.put(p.id(), p));
        return Map.copyOf(m);
    }

    private static Map<String, RecordTypeDescriptor> types() {
        Map<String, RecordTypeDescriptor> m = new LinkedHashMap<>();
        new StandardRecordTypes().recordTypes().forEach(t -> m.put(t.name(), t));
        m.put("KolProfile", new RecordTypeDescriptor("KolProfile", Map.of(
                "name", FieldSpec.shared(FieldType.STRING),
                "specialty", FieldSpec.shared(FieldType.STRING),
                "dataGaps", FieldSpec.shared(FieldType.LIST),
                "visitNotes", FieldSpec.shared(FieldType.STRING)), true, true, Classification.SHARED));
        return Map.copyOf(m);
    }

    /** @return the user directory the policy engine asks for managers (F1) */
    public static Function<String, Optional<Principal>> users() {
        return id -> Optional.ofNullable(BY_ID.get(id));
    }

    public static Optional<Principal> user(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static RecordTypeDescriptor type(String name) {
        RecordTypeDescriptor t = TYPES.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no record type " + name);
        }
        return t;
    }

    /** @return the text of a class path resource */
    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the US policy document exactly as the policy-us bundle ships it */
    public static String usPolicyJson() {
        return resource("policy/us.json");
    }

    /** @return the US policy, compiled as the extender compiles it */
    public static CompiledPolicy usPolicy() {
        try {
            return PolicyCompiler.compile("policy/us.json", usPolicyJson(), "benchmarks!policy/us.json",
                    Fixtures::resource);
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- operations, described as the reference host describes them --------------------------------

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static int ids;

    /** @return a stored record */
    public static CrmRecord record(String type, Principal owner, Map<String, Object> fields) {
        return new CrmRecord(type, "r-" + (++ids), fields, owner.id(), owner.region(), 3, T0, T0);
    }

    /** A CREATE: the actor owns the new record; fields naming users add related principals. */
    public static Operation create(Principal actor, String type, Map<String, Object> fields) {
        RecordTypeDescriptor d = type(type);
        return new Operation(Caller.java(actor), Action.CREATE, d, "new-" + (++ids), null, fields,
                related(actor, d, fields, List.of()), actor.region());
    }

    /** A READ, EXPORT or DELETE of a stored record. */
    public static Operation on(Principal actor, Action action, CrmRecord record) {
        RecordTypeDescriptor d = type(record.type());
        Principal owner = BY_ID.get(record.owner());
        return new Operation(Caller.java(actor), action, d, record.id(), record, Map.of(),
                related(owner, d, record.fields(), List.of()), record.region());
    }

    /** An UPDATE of a stored record with the given changes (merged as the host merges them). */
    public static Operation update(Principal actor, CrmRecord record, Map<String, Object> changes) {
        RecordTypeDescriptor d = type(record.type());
        Map<String, Object> merged = new LinkedHashMap<>(record.fields());
        merged.putAll(changes);
        Principal owner = BY_ID.get(record.owner());
        return new Operation(Caller.java(actor), Action.UPDATE, d, record.id(), record, merged,
                related(owner, d, merged, List.of()), record.region());
    }

    /** A SHARE of a stored record with a recipient. */
    public static Operation share(Principal actor, CrmRecord record, Principal recipient) {
        RecordTypeDescriptor d = type(record.type());
        Principal owner = BY_ID.get(record.owner());
        return new Operation(Caller.java(actor), Action.SHARE, d, record.id(), record, Map.of(),
                related(owner, d, record.fields(),
                        List.of(new RelatedPrincipal(RelatedPrincipal.RECIPIENT, recipient))), record.region());
    }

    /** The owner and every user a field names, as JdbcRecordStore builds them. */
    private static List<RelatedPrincipal> related(Principal owner, RecordTypeDescriptor d, Map<String, Object> fields,
            List<RelatedPrincipal> extra) {
        List<RelatedPrincipal> related = new ArrayList<>();
        related.add(new RelatedPrincipal(RelatedPrincipal.OWNER, owner));
        d.fields().forEach((name, spec) -> {
            Object value = fields.get(name);
            if (!spec.namesPrincipals() || value == null) {
                return;
            }
            List<?> list = value instanceof List<?> l ? l : List.of(value);
            for (Object id : list) {
                Principal p = BY_ID.get(String.valueOf(id));
                if (p != null) {
                    related.add(new RelatedPrincipal(name, p));
                }
            }
        });
        related.addAll(extra);
        return related;
    }
}
