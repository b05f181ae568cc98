package org.firewalldoors.compliance.internal.region;

import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The settings of one region, one instance per factory configuration
 * {@code org.firewalldoors.region~<name>}. A change of the configuration
 * replaces the instance: the decision point sees it on the next operation.
 */
@Component(service = RegionSettings.class, configurationPid = RegionSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RegionConfiguration.class, factory = true)
public final class RegionSettings {

    /** The factory PID. */
    public static final String PID = "org.firewalldoors.region";

    private final String code;
    private final List<String> modules;
    private final String policy;

    @Activate
    public RegionSettings(RegionConfiguration config) {
        this(config.code(), List.of(config.modules()), config.policy());
    }

    /** For tests and for a region without configuration. */
    public RegionSettings(String code, List<String> modules, String policy) {
        if (code == null || !code.trim().matches("[A-Za-z]{2,16}")) {
            throw new IllegalArgumentException("region code must be letters: " + code);
        }
        this.code = code.trim().toUpperCase(Locale.ROOT);
        // A .cfg file gives one comma-separated string; a .config file or the admin API a real array.
        this.modules = modules.stream().flatMap(m -> java.util.Arrays.stream(m.split(","))).map(String::trim)
                .filter(m -> !m.isEmpty()).distinct().toList();
        this.policy = policy == null ? null : policy.trim();
    }

    /** @return the upper-case region code */
    public String code() {
        return code;
    }

    /** @return the enabled modules */
    public List<String> modules() {
        return modules;
    }

    /** @return the id of the policy the region runs */
    public String policy() {
        return policy;
    }
}
