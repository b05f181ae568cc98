package org.firewalldoors.api.compliance;

import java.util.List;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RelatedPrincipal;

/** The operations a {@link DoorPlan} decides. */
public final class DoorPlans {

    private DoorPlans() {
    }

    /**
     * @return the operation {@code template} on {@code record}, in the record's region, with {@code owner} as its
     *         only related principal (the {@link RelatedPrincipal#OWNER})
     */
    public static Operation operation(Operation template, CrmRecord record, Principal owner) {
        return new Operation(template.caller(), template.action(), template.recordType(), record.id(), record,
                template.after(), List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, owner)), record.region());
    }
}
