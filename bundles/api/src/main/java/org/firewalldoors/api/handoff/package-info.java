/**
 * Door 2 of the firewall: the scientific-inquiry hand-off from a rep to Medical
 * Affairs (requirements H1-H8, X1), as a Java service. The HTTP resource
 * {@code /api/v1/handoffs} is a thin layer over {@link
 * org.firewalldoors.api.handoff.ScientificInquiries}: both channels take the
 * same input and give the same refusals (X7).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.firewalldoors.api.handoff;
