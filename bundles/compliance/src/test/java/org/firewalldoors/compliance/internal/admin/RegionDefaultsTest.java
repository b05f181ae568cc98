package org.firewalldoors.compliance.internal.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class RegionDefaultsTest {

    private static final String US = "org.firewalldoors.region-us.cfg";
    private static final String EU = "org.firewalldoors.region-eu.cfg";

    @TempDir
    Path root;
    private Path defaults;
    private Path load;
    private RegionDefaults seeder;
    private final AtomicReference<Dictionary<String, Object>> marker = new AtomicReference<>();
    private Configuration[] regions;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() throws Exception {
        defaults = Files.createDirectories(root.resolve("defaults"));
        load = Files.createDirectories(root.resolve("load"));
        Files.writeString(defaults.resolve(US), "# shipped\ncode=US\nmodules=compliance,handoff,kol-export,events\npolicy=us\n");
        Files.writeString(defaults.resolve(EU), "code=EU\nmodules=compliance\npolicy=eu\n");
        Files.writeString(defaults.resolve("README.txt"), "not a region");
        Configuration markerConfig = mock(Configuration.class);
        when(markerConfig.getProperties()).thenAnswer(i -> marker.get() == null ? null : new Hashtable<>(
                (Hashtable<String, Object>) marker.get()));
        doAnswer(i -> {
            marker.set(i.getArgument(0));
            return null;
        }).when(markerConfig).update(any());
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        when(cm.getConfiguration(RegionDefaults.SEEDED_PID, "?")).thenReturn(markerConfig);
        when(cm.listConfigurations(anyString())).thenAnswer(i -> regions);
        seeder = new RegionDefaults();
        seeder.configAdmin = cm;
    }

    @Test
    void aDefaultSeedsOnlyARegionThatWasNeverSeededAndHasNoConfiguration() throws Exception {
        assertEquals(List.of(EU, US), seeder.seed(defaults, load));
        assertEquals(Files.readString(defaults.resolve(US)), Files.readString(load.resolve(US)));
        assertArrayEquals(new String[] { EU, US }, (String[]) marker.get().get("seeded"));
        try (var left = Files.list(root)) {
            assertEquals(2, left.count(), "no partial file is left behind");
        }

        // The admin edits US and deletes EU; the next version ships other defaults: nothing is overwritten.
        Files.writeString(load.resolve(US), "code=US\nmodules=compliance,handoff\npolicy=us\n");
        Files.delete(load.resolve(EU));
        Files.writeString(defaults.resolve(US), "code=US\nmodules=compliance,handoff,kol-export,events\npolicy=us-2\n");
        assertEquals(List.of(), seeder.seed(defaults, load));
        assertEquals("code=US\nmodules=compliance,handoff\npolicy=us\n", Files.readString(load.resolve(US)));
        assertFalse(Files.exists(load.resolve(EU)), "a region the admin deleted stays deleted");
    }

    @Test
    void aRegionConfiguredBeforeTheDefaultsArrivedIsTheAdmins() throws Exception {
        Configuration us = mock(Configuration.class);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("code", "us");
        when(us.getProperties()).thenReturn(props);
        regions = new Configuration[] { us };
        Files.writeString(load.resolve(EU), "code=EU\nmodules=compliance,handoff\npolicy=eu\n");
        assertEquals(List.of(), seeder.seed(defaults, load));
        assertFalse(Files.exists(load.resolve(US)), "US has a configuration (made over HTTP, say)");
        assertEquals("code=EU\nmodules=compliance,handoff\npolicy=eu\n", Files.readString(load.resolve(EU)));
        assertArrayEquals(new String[] { EU, US }, (String[]) marker.get().get("seeded"));
    }

    @Test
    void withoutADefaultsFolderNothingHappens() throws Exception {
        assertEquals(List.of(), seeder.seed(root.resolve("missing"), load));
        assertEquals(null, marker.get());
    }
}
