package org.firewalldoors.benchmarks;

import java.util.List;
import java.util.Optional;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;

/** The benchmark users as the host's user directory. */
final class Directory implements UserDirectory {

    @Override
    public Optional<Principal> find(String id) {
        return Fixtures.user(id);
    }

    @Override
    public Optional<Principal> authenticate(String id, char[] password) {
        return Optional.empty();
    }

    @Override
    public List<Principal> inRegion(String region) {
        return Fixtures.USERS.stream().filter(p -> p.region().equals(region)).toList();
    }
}
