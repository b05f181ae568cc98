package org.firewalldoors.compliance.internal.admin;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.compliance.internal.region.RegionSettings;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * One audit entry for every change of the configuration of the product (regions, modules, the host's
 * fail-closed switch ...), whichever way it was made: the admin API or shell (who is known), a {@code .cfg} file or
 * a console (recorded as {@code configadmin}). Values of keys that look like secrets, and
 * values that carry a password (a JDBC URL's parameter), are not recorded (X2, X5).
 */
@Component(service = { SynchronousConfigurationListener.class, ConfigurationAudit.class })
public final class ConfigurationAudit implements SynchronousConfigurationListener {

    /** The host's configuration, whose {@code interceptionRequired=false} turns fail-closed off. */
    static final String HOST_PID = "org.firewalldoors.host";
    private static final String UNKNOWN_ACTOR = "configadmin";
    /** The actor of a change that another host node made and audited: this node applies it without a second entry. */
    private static final String REPLICA = new String("(replica)");

    @Reference
    AuditTrail audit;
    @Reference
    ConfigurationAdmin configAdmin;

    private final ThreadLocal<String> actor = new ThreadLocal<>();

    /** At start, a host running without fail-closed says so in the trail (X5). */
    @Activate
    void activate() {
        Map<String, Object> host = properties(HOST_PID);
        if (host != null && "false".equals(String.valueOf(host.get("interceptionRequired")))) {
            append(UNKNOWN_ACTOR, "CONFIG_ACTIVE", HOST_PID, Principal.GLOBAL, host,
                    "the host runs with interceptionRequired=false: guarded operations pass unchecked while the "
                            + "compliance interceptor is absent (X5 off)");
        }
    }

    /** Runs a configuration change made on behalf of a user, so that its audit entry names them. */
    public void actingAs(String userId, IoAction change) throws IOException {
        actor.set(userId);
        try {
            change.run();
        } finally {
            actor.remove();
        }
    }

    /**
     * Applies a change that another host node sharing the database made: it was audited there, once, so it is not
     * audited again here.
     */
    public void replicating(IoAction change) throws IOException {
        actor.set(REPLICA);
        try {
            change.run();
        } finally {
            actor.remove();
        }
    }

    /** A change of configuration. */
    @FunctionalInterface
    public interface IoAction {
        /** Makes the change. */
        void run() throws IOException;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        String factory = event.getFactoryPid();
        if (!pid.startsWith("org.firewalldoors") && (factory == null || !factory.startsWith("org.firewalldoors"))
                && !pid.startsWith("org.apache.felix.http")) {
            return; // the product's own configuration and its HTTP server's
        }
        if (actor.get() == REPLICA) {
            return; // audited on the node where it was made
        }
        String who = actor.get() == null ? UNKNOWN_ACTOR : actor.get();
        Map<String, Object> props = event.getType() == ConfigurationEvent.CM_DELETED ? null : properties(pid);
        String region = Principal.GLOBAL;
        if (RegionSettings.PID.equals(factory) && props != null && props.get("code") != null) {
            region = String.valueOf(props.get("code")).trim().toUpperCase(Locale.ROOT);
        }
        String what = switch (event.getType()) {
            case ConfigurationEvent.CM_DELETED -> "CONFIG_DELETED";
            case ConfigurationEvent.CM_LOCATION_CHANGED -> "CONFIG_LOCATION";
            default -> "CONFIG_UPDATED";
        };
        String message = what + " " + pid + " by " + who
                + (props != null && "false".equals(String.valueOf(props.get("interceptionRequired")))
                        ? "; interceptionRequired=false: fail-closed is off (X5)" : "");
        append(who, what, pid, region, props, message);
    }

    private void append(String who, String action, String pid, String region, Map<String, Object> props,
            String message) {
        audit.append(new AuditEvent(who, action, "Configuration", pid, region, "ALLOW", null, "X2", null, null,
                message, Map.of(), props == null ? Map.of() : props));
    }

    /** @return the configuration's properties without framework keys and secrets, or null if absent */
    private Map<String, Object> properties(String pid) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return null;
            }
            Dictionary<String, Object> d = found[0].getProperties();
            Map<String, Object> shown = new TreeMap<>();
            for (String key : Collections.list(d.keys())) {
                if (key.startsWith("service.") || key.startsWith("felix.fileinstall")) {
                    continue;
                }
                Object v = d.get(key);
                boolean secret = key.toLowerCase(Locale.ROOT).matches(".*(password|secret|token|credential|key).*")
                        // a JDBC URL may carry a password as a parameter
                        || v instanceof String text && text.toLowerCase(Locale.ROOT).contains("password=");
                shown.put(key, secret ? "(not recorded)" : v instanceof Object[] a ? java.util.List.of(a) : v);
            }
            return shown;
        } catch (IOException | InvalidSyntaxException e) {
            return Map.of("unreadable", e.getMessage());
        }
    }
}
