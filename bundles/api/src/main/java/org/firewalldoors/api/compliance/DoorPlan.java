package org.firewalldoors.api.compliance;

import java.util.Map;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Principal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The decisions of many operations that differ only in their record and its
 * owner (an export: one reader, one action, one record type), with what does
 * not depend on the record settled once, when the plan is made. Each record
 * is still decided on its own content, under the policy active when it is
 * decided: a plan never answers for a policy that went away (X5).
 */
@ProviderType
public interface DoorPlan {

    /**
     * @param record the record, as the door is to see it
     * @param owner  the record's owner
     * @return exactly what {@link DecisionPoint#decide} answers for the plan's operation on this record with this
     *         owner
     */
    Decision decide(CrmRecord record, Principal owner);

    /**
     * The decision of the record as the door is to see it with other fields than its own (its own and one more,
     * say), without making a record of them first.
     *
     * @param record the record
     * @param seen   the fields the door is to see in its place; read during the call, not kept
     * @param owner  the record's owner
     * @return exactly what {@link #decide(CrmRecord, Principal)} answers for {@code record.withFields(seen)}
     */
    default Decision decide(CrmRecord record, Map<String, Object> seen, Principal owner) {
        return decide(record.withFields(seen), owner);
    }
}
