package org.firewalldoors.compliance.internal.region;

import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The settings of one region, one instance per factory configuration
 * {@code org.firewalldoors.region~<name>}. A change of the configuration is
 * applied in place ({@link Modified}): the service never goes away while a
 * region is reconfigured, so no operation ever meets a region that has
 * momentarily lost its settings (and with them its disabled modules). The
 * decision point sees the change on the next operation.
 */
@Component(service = RegionSettings.class, configurationPid = RegionSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RegionConfiguration.class, factory = true)
public final class RegionSettings {

    /** The factory PID. */
    public static final String PID = "org.firewalldoors.region";

    /** One consistent set of values, replaced whole by a change. */
    private record Values(String code, List<String> modules, String policy) {
    }

    private volatile Values values;

    @Activate
    public RegionSettings(RegionConfiguration config) {
        this(config.code(), List.of(config.modules()), config.policy());
    }

    /** Applies a changed configuration in place; a malformed one is refused (logged by SCR) and changes nothing. */
    @Modified
    void modified(RegionConfiguration config) {
        values = parse(config.code(), List.of(config.modules()), config.policy());
    }

    /** For tests and for a region without configuration. */
    public RegionSettings(String code, List<String> modules, String policy) {
        values = parse(code, modules, policy);
    }

    private static Values parse(String code, List<String> modules, String policy) {
        if (code == null || !code.trim().matches("[A-Za-z]{2,16}")) {
            throw new IllegalArgumentException("region code must be letters: " + code);
        }
        // A .cfg file gives one comma-separated string; a .config file or the admin API a real array.
        return new Values(code.trim().toUpperCase(Locale.ROOT),
                modules.stream().flatMap(m -> java.util.Arrays.stream(m.split(","))).map(String::trim)
                        .filter(m -> !m.isEmpty()).distinct().toList(),
                policy == null ? null : policy.trim());
    }

    /** @return the upper-case region code */
    public String code() {
        return values.code();
    }

    /** @return the enabled modules */
    public List<String> modules() {
        return values.modules();
    }

    /** @return the id of the policy the region runs */
    public String policy() {
        return values.policy();
    }
}
