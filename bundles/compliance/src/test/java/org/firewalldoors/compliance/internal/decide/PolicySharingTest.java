package org.firewalldoors.compliance.internal.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.sql.DataSource;
import org.firewalldoors.compliance.internal.decide.PolicyRegistry.SharedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/** Policies shared between host nodes: the highest bundle version decides everywhere, and a node cut off refuses. */
class PolicySharingTest {

    private static final String BSN = "org.firewalldoors.policy.us";

    @TempDir
    Path dir;

    private final PolicyRegistry registry = new PolicyRegistry();

    private static String policy(String version) {
        return """
                {"id": "us", "version": "%s", "region": "US", "citation": "c",
                 "termLists": {"t": ["market share"]}, "rules": [{"id": "r1", "requirement": "H2", "citation": "c",
                 "message": "m", "effect": "BLOCK", "when": {"actions": ["CREATE"],
                 "fields": [{"field": "notes", "terms": "t"}]}}]}""".formatted(version);
    }

    private static SharedDocument shared(String version) {
        return new SharedDocument("us", BSN, Version.parseVersion(version), "policy/us.json", policy(version));
    }

    /** A policy bundle of this node, as the extender meets it. */
    private Bundle bundle(long id, String version) throws Exception {
        Path file = dir.resolve("us-" + version + ".json");
        Files.writeString(file, policy(version));
        Bundle b = mock(Bundle.class);
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put(PolicyRegistry.HEADER, "policy/us.json");
        when(b.getHeaders()).thenReturn(headers);
        when(b.getEntry("policy/us.json")).thenReturn(file.toUri().toURL());
        when(b.getBundleId()).thenReturn(id);
        when(b.getSymbolicName()).thenReturn(BSN);
        when(b.getVersion()).thenReturn(Version.parseVersion(version));
        return b;
    }

    @Test
    void aNewerVersionDroppedOnAnotherNodeDecidesHereAndAnOlderOneNever() throws Exception {
        registry.load(bundle(12, "1.1.0"));
        assertEquals("1.1.0", registry.policy("us").orElseThrow().version());
        registry.adopt(List.of(shared("1.0.0")));
        assertEquals("1.1.0", registry.policy("us").orElseThrow().version(), "an older shared version never wins");
        registry.adopt(List.of(shared("1.0.0"), shared("1.2.0")));
        assertEquals("1.2.0", registry.policy("us").orElseThrow().version());
        registry.adopt(List.of(shared("1.0.0")));
        assertEquals("1.1.0", registry.policy("us").orElseThrow().version(), "withdrawn: this node's own decides again");
    }

    @Test
    void whatThisNodeLoadsIsHandedToThePublisherOnceAndAdoptingIsNotPublishedBack() throws Exception {
        List<SharedDocument> published = new ArrayList<>();
        registry.load(bundle(12, "1.0.0"));
        registry.share(new PolicyRegistry.Publisher() {
            @Override
            public void loaded(SharedDocument d) {
                published.add(d);
            }

            @Override
            public void uninstalled(String bundle, Version version) {
            }
        });
        assertEquals(List.of(shared("1.0.0")), published, "what was loaded before sharing began");
        registry.load(bundle(13, "1.1.0"));
        registry.adopt(List.of(shared("1.2.0")));
        assertEquals(List.of(shared("1.0.0"), shared("1.1.0")), published);
    }

    @Test
    void onASharedDatabaseANodeDecidesOnlyOnceAndWhileItReadsTheSharedState() throws Exception {
        registry.sharedDatabase = mock(DataSource.class);
        registry.load(bundle(12, "1.0.0"));
        assertTrue(registry.policy("us").isEmpty(), "not read yet: guarded operations are refused (X5)");
        assertTrue(registry.policies().isEmpty());
        registry.sharedStateRead();
        assertEquals("1.0.0", registry.policy("us").orElseThrow().version());
        registry.sharedDatabase = null;
        assertTrue(registry.policy("us").isPresent(), "a database of its own: nothing to wait for");
    }
}
