package org.firewalldoors.compliance.internal.audit;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.firewalldoors.api.compliance.AuditEntry;
import org.firewalldoors.api.compliance.AuditEvent;

/**
 * One row of {@code audit_entry} exactly as stored, old and new values as
 * their JSON text: the hash is taken over what is stored, so reading a row
 * back can never change it.
 */
record AuditRow(long seq, Instant at, String actor, String action, String recordType, String recordId,
        String region, String outcome, String rule, String requirement, String policyId, String policyVersion,
        String message, String oldValues, String newValues, String prevHash, String hash) {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    /** @return the row for {@code event} appended as entry {@code seq} after {@code prevHash}, with its hash */
    static AuditRow of(long seq, Instant at, AuditEvent event, String prevHash) {
        AuditRow row = new AuditRow(seq, at, event.actor(), event.action(), event.recordType(), event.recordId(),
                event.region(), event.outcome(), event.rule(), event.requirement(), event.policyId(),
                event.policyVersion(), event.message(), AuditJson.write(event.oldValues()),
                AuditJson.write(event.newValues()), prevHash, null);
        return row.withHash(row.computeHash());
    }

    /** @return SHA-256, hex, over the previous hash and the canonical form of this row's content */
    String computeHash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(String.valueOf(prevHash).getBytes(StandardCharsets.UTF_8));
            sha256.update(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The content as one JSON object, fields always in this order and
     * present even when null; the values stay the JSON text they are stored as.
     */
    String canonical() {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setSerializeNulls(true);
            w.setHtmlSafe(false);
            w.beginObject();
            w.name("seq").value(seq);
            w.name("at").value(at.toString());
            w.name("actor").value(actor);
            w.name("action").value(action);
            w.name("recordType").value(recordType);
            w.name("recordId").value(recordId);
            w.name("region").value(region);
            w.name("outcome").value(outcome);
            w.name("rule").value(rule);
            w.name("requirement").value(requirement);
            w.name("policyId").value(policyId);
            w.name("policyVersion").value(policyVersion);
            w.name("message").value(message);
            w.name("oldValues").value(oldValues);
            w.name("newValues").value(newValues);
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @return the entry, values read back from their JSON text */
    AuditEntry toEntry() {
        AuditEvent event = new AuditEvent(actor, action, recordType, recordId, region, outcome, rule, requirement,
                policyId, policyVersion, message, AuditJson.read(oldValues), AuditJson.read(newValues));
        return new AuditEntry(seq, at, event, prevHash, hash);
    }

    private AuditRow withHash(String h) {
        return new AuditRow(seq, at, actor, action, recordType, recordId, region, outcome, rule, requirement,
                policyId, policyVersion, message, oldValues, newValues, prevHash, h);
    }
}
