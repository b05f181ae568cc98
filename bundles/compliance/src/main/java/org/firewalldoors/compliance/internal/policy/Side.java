package org.firewalldoors.compliance.internal.policy;

import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Classification;

/** The side of the firewall a principal works on. */
enum Side {
    MEDICAL, COMMERCIAL, OVERSIGHT, NONE;

    static Side of(BusinessFunction f) {
        return switch (f) {
            case MEDICAL -> MEDICAL;
            case COMMERCIAL -> COMMERCIAL;
            case COMPLIANCE, LEGAL -> OVERSIGHT;
            case ADMIN -> NONE;
        };
    }

    /** @return whether data of this classification is the other side's, from this side's point of view */
    boolean isForeign(Classification c) {
        return switch (this) {
            case MEDICAL -> c == Classification.COMMERCIAL_ONLY;
            case COMMERCIAL -> c == Classification.MEDICAL_ONLY;
            case OVERSIGHT -> false;
            case NONE -> c != Classification.SHARED;
        };
    }
}
