/**
 * The firewall's own services: the decision point other bundles ask, the
 * tamper-evident audit trail, the review queue and escalations.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.firewalldoors.api.compliance;
