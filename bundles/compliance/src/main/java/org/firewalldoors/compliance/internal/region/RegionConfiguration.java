package org.firewalldoors.compliance.internal.region;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One region: which modules are on and which policy it runs (factory PID {@code org.firewalldoors.region}). */
@ObjectClassDefinition(name = "Firewall with Doors region",
        description = "A region of the CRM: its enabled modules and the compliance policy it runs (X3).")
@interface RegionConfiguration {

    @AttributeDefinition(name = "Region code", description = "Upper-case code, for example US or EU.")
    String code();

    @AttributeDefinition(name = "Enabled modules",
            description = "Modules switched on in the region: compliance, handoff, kol-export, events.")
    String[] modules() default { "compliance" };

    @AttributeDefinition(name = "Policy", description = "The id of the compliance policy the region runs, for example us.")
    String policy();
}
