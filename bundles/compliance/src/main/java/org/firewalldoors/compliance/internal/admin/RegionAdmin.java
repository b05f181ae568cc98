package org.firewalldoors.compliance.internal.admin;

import java.io.IOException;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.firewalldoors.compliance.internal.decide.ComplianceDecisionPoint;
import org.firewalldoors.compliance.internal.decide.PolicyRegistry;
import org.firewalldoors.compliance.internal.region.RegionSettings;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Changes regions through Configuration Admin, so that a change made here, in a
 * {@code .cfg} file or in a console is the same change: applied without restart,
 * kept across restarts. Used by the admin HTTP API and the shell.
 */
@Component(service = RegionAdmin.class)
public final class RegionAdmin {

    /** The modules a region can switch on. */
    public static final Set<String> MODULES = Set.of("compliance", "handoff", "kol-export", "events");
    private static final Set<String> GUARDED_MODULES = Set.of("handoff", "kol-export", "events");

    @Reference
    ConfigurationAdmin configAdmin;
    @Reference
    ComplianceDecisionPoint decisionPoint;
    @Reference
    PolicyRegistry registry;
    @Reference
    ConfigurationAudit configAudit;

    /** A region as admins see it. */
    public record View(String code, List<String> modules, String policy, String activePolicyVersion) {
    }

    /** @return every configured region, by code */
    public Map<String, View> regions() {
        Map<String, View> result = new TreeMap<>();
        for (RegionSettings r : decisionPoint.regions()) {
            result.put(r.code(), new View(r.code(), r.modules(), r.policy(),
                    decisionPoint.activePolicy(r.code()).map(p -> p.version()).orElse(null)));
        }
        return result;
    }

    /**
     * Creates or changes a region's configuration.
     *
     * @throws IllegalArgumentException for an unknown module or a malformed code
     * @throws IllegalStateException    when a guarded module would run without compliance and an active policy
     */
    public View configure(String code, List<String> modules, String policy) throws IOException {
        return configure("configadmin", code, modules, policy);
    }

    /**
     * Creates or changes a region's configuration on behalf of a user, who is named in the audit trail.
     *
     * @throws IllegalArgumentException for an unknown module or a malformed code
     * @throws IllegalStateException    when a guarded module would run without compliance and an active policy
     */
    public View configure(String actor, String code, List<String> modules, String policy) throws IOException {
        String region = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!region.matches("[A-Z]{2,16}")) {
            throw new IllegalArgumentException("a region code is 2 to 16 letters, such as US");
        }
        for (String m : modules) {
            if (!MODULES.contains(m)) {
                throw new IllegalArgumentException("unknown module '" + m + "'; modules are " + new java.util.TreeSet<>(MODULES));
            }
        }
        if (policy == null || policy.isBlank()) {
            throw new IllegalArgumentException("a region names the policy it runs");
        }
        boolean guarded = modules.stream().anyMatch(GUARDED_MODULES::contains);
        if (guarded && !modules.contains("compliance")) {
            throw new IllegalStateException("modules " + modules + " need the compliance module in region " + region
                    + ": the doors are guarded by it");
        }
        if (guarded && registry.policy(policy).isEmpty()) {
            throw new IllegalStateException("policy '" + policy + "' is not active: install its policy bundle before "
                    + "enabling " + modules.stream().filter(GUARDED_MODULES::contains).toList() + " in region " + region);
        }
        Configuration config = existing(region);
        if (config == null) {
            config = configAdmin.getFactoryConfiguration(RegionSettings.PID, region.toLowerCase(Locale.ROOT), "?");
        }
        Dictionary<String, Object> props = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
        props.put("code", region);
        props.put("modules", modules.toArray(new String[0]));
        props.put("policy", policy.trim());
        Configuration target = config;
        configAudit.actingAs(actor, () -> target.update(props));
        return new View(region, modules, policy.trim(), registry.policy(policy.trim()).map(p -> p.version()).orElse(null));
    }

    /** Switches one module on or off, keeping the rest of the region's configuration. */
    public View setModule(String code, String module, boolean on) throws IOException {
        return setModule("configadmin", code, module, on);
    }

    /** Switches one module on or off on behalf of a user, keeping the rest of the region's configuration. */
    public View setModule(String actor, String code, String module, boolean on) throws IOException {
        View current = regions().get(code.trim().toUpperCase(Locale.ROOT));
        if (current == null) {
            throw new IllegalArgumentException("no region " + code + "; configure it first");
        }
        List<String> modules = new java.util.ArrayList<>(current.modules());
        modules.remove(module);
        if (on) {
            modules.add(module);
        }
        return configure(actor, current.code(), modules, current.policy());
    }

    private Configuration existing(String region) throws IOException {
        try {
            Configuration[] found = configAdmin.listConfigurations(
                    "(&(service.factoryPid=" + RegionSettings.PID + ")(code=" + region + "))");
            if (found == null || found.length == 0) {
                // A .cfg file may spell the code in lower case.
                found = configAdmin.listConfigurations("(service.factoryPid=" + RegionSettings.PID + ")");
                return found == null ? null : Arrays.stream(found)
                        .filter(c -> region.equalsIgnoreCase(String.valueOf(c.getProperties().get("code")).trim()))
                        .findFirst().orElse(null);
            }
            return found[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** @return the regions as the admin API shows them */
    public Map<String, Object> asJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        regions().forEach((code, v) -> {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("modules", v.modules());
            region.put("policy", v.policy());
            region.put("activePolicyVersion", v.activePolicyVersion());
            body.put(code, region);
        });
        return body;
    }
}
