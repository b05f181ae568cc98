package org.firewalldoors.compliance.internal.policy;

import java.util.Map;
import org.firewalldoors.api.host.Classification;

/**
 * How the policy classifies a record type: a fixed classification, or by the
 * owner's function ({@code byOwner}), plus field classifications, and the
 * classification of other fields ({@code otherFields}; {@code null}: the owner's side).
 */
record TypeClassification(Classification classification, boolean byOwner, Map<String, Classification> fields,
        Classification otherFields, String requirement, String citation, String message) {
}
