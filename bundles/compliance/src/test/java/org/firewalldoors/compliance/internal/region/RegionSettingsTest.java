package org.firewalldoors.compliance.internal.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionSettingsTest {

    private static RegionConfiguration config(String code, String[] modules, String policy) {
        return (RegionConfiguration) Proxy.newProxyInstance(RegionConfiguration.class.getClassLoader(),
                new Class<?>[] { RegionConfiguration.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "code" -> code;
                    case "modules" -> modules;
                    case "policy" -> policy;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aCfgFileListAndAnArrayGiveTheSameModules() {
        assertEquals(List.of("compliance", "handoff"),
                new RegionSettings(config("us", new String[] { "compliance, handoff,,compliance" }, " us ")).modules());
        assertEquals(List.of("compliance", "handoff"),
                new RegionSettings(config("US", new String[] { "compliance", "handoff" }, "us")).modules());
    }

    @Test
    void aChangeIsAppliedInPlaceSoTheRegionNeverLosesItsSettings() {
        RegionSettings us = new RegionSettings(config("US", new String[] { "compliance", "events" }, "us"));
        us.modified(config("US", new String[] { "compliance" }, "us-2"));
        assertEquals(List.of("compliance"), us.modules());
        assertEquals("us-2", us.policy());
        assertThrows(IllegalArgumentException.class, () -> us.modified(config("U S", new String[0], "us")));
        assertEquals("us-2", us.policy(), "a malformed change leaves the settings as they were");
    }
}
