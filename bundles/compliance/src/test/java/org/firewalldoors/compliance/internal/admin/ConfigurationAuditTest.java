package org.firewalldoors.compliance.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.firewalldoors.api.compliance.AuditEntry;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.AuditVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

/** Every configuration change of the product is one audit entry, naming who made it, never a secret (X2, X5). */
class ConfigurationAuditTest {

    private final List<AuditEvent> appended = new ArrayList<>();
    private final Hashtable<String, Object> hostProps = new Hashtable<>();
    private final ConfigurationAudit audit = new ConfigurationAudit();

    @BeforeEach
    void setUp() {
        audit.audit = new AuditTrail() {
            @Override
            public AuditEntry append(AuditEvent event) {
                appended.add(event);
                return new AuditEntry(appended.size(), Instant.EPOCH, event, "", "");
            }

            @Override
            public List<AuditEntry> list(Instant since, int limit) {
                return List.of();
            }

            @Override
            public List<AuditEntry> newest(String region, Instant since, long beforeSeq, int limit) {
                return List.of();
            }

            @Override
            public AuditVerification verify() {
                throw new UnsupportedOperationException();
            }
        };
        Configuration host = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Configuration.class }, (p, m, args) -> switch (m.getName()) {
                    case "getProperties" -> (Dictionary<String, Object>) hostProps;
                    case "getPid" -> ConfigurationAudit.HOST_PID;
                    default -> null;
                });
        audit.configAdmin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ConfigurationAdmin.class }, (p, m, args) -> "listConfigurations".equals(m.getName())
                        && String.valueOf(args[0]).contains(ConfigurationAudit.HOST_PID)
                        ? new Configuration[] { host } : null);
    }

    @SuppressWarnings("unchecked")
    private static final ServiceReference<ConfigurationAdmin> CM = (ServiceReference<ConfigurationAdmin>) Proxy
            .newProxyInstance(ConfigurationAuditTest.class.getClassLoader(), new Class<?>[] { ServiceReference.class },
                    (p, m, args) -> null);

    private static ConfigurationEvent updated(String pid) {
        return new ConfigurationEvent(CM, ConfigurationEvent.CM_UPDATED, null, pid);
    }

    @Test
    void turningFailClosedOffIsAuditedWithWhoAndSaysSo() throws Exception {
        hostProps.put("interceptionRequired", false);
        hostProps.put("jdbcPassword", "s3cret");
        audit.actingAs("admin", () -> audit.configurationEvent(updated(ConfigurationAudit.HOST_PID)));
        assertEquals(1, appended.size());
        AuditEvent e = appended.get(0);
        assertEquals("admin", e.actor());
        assertEquals("CONFIG_UPDATED", e.action());
        assertTrue(e.message().contains("interceptionRequired=false"), e.message());
        assertEquals(false, e.newValues().get("interceptionRequired"));
        assertFalse(e.toString().contains("s3cret"), "no secret in the trail");
    }

    @Test
    void aChangeByFileOrConsoleIsAuditedToo() {
        hostProps.put("interceptionRequired", true);
        audit.configurationEvent(updated(ConfigurationAudit.HOST_PID));
        assertEquals("configadmin", appended.get(0).actor());
        audit.configurationEvent(new ConfigurationEvent(CM, ConfigurationEvent.CM_DELETED, null,
                ConfigurationAudit.HOST_PID));
        assertEquals("CONFIG_DELETED", appended.get(1).action());
        audit.configurationEvent(updated("org.example.unrelated"));
        assertEquals(2, appended.size(), "only the product's own configuration");
    }

    @Test
    void aHostRunningWithoutFailClosedSaysSoAtStart() {
        hostProps.put("interceptionRequired", "false");
        audit.activate();
        assertEquals(1, appended.size());
        assertTrue(appended.get(0).message().contains("X5 off"), appended.get(0).message());
    }
}
