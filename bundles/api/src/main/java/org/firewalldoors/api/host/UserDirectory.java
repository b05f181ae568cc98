package org.firewalldoors.api.host;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The host's users. */
@ProviderType
public interface UserDirectory {

    /** @return the principal with the given id */
    Optional<Principal> find(String id);

    /** @return the principal if the password is right, empty otherwise */
    Optional<Principal> authenticate(String id, char[] password);

    /** @return every principal of a region */
    List<Principal> inRegion(String region);
}
