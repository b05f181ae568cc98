package org.firewalldoors.api.host;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service by which a plugin declares record types to the host. The
 * host serves a declared type while the provider is registered.
 */
@ConsumerType
public interface RecordTypeProvider {

    /** @return the record types this provider declares */
    List<RecordTypeDescriptor> recordTypes();
}
