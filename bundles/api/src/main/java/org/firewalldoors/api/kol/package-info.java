/**
 * Door 3 of the firewall: KOL intelligence, one direction only (requirements
 * K1 to K4). Medical Affairs keeps KOL profiles; a scientific tier is computed
 * from publications, trial, guideline and society roles and the peer network;
 * the region's policy door decides which fields cross to Commercial, and the
 * export hands exactly those out.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.firewalldoors.api.kol;
