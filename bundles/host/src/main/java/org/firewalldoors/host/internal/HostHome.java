package org.firewalldoors.host.internal;

import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/** Resolves the host's relative paths against its home directory. */
public final class HostHome {

    /** Framework property naming the home directory; the working directory when absent. */
    public static final String PROPERTY = "firewalldoors.home";

    private HostHome() {
    }

    /** @return the path, resolved against the home directory when relative */
    public static Path resolve(BundleContext context, String path) {
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return p;
        }
        String home = context == null ? null : context.getProperty(PROPERTY);
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).resolve(p).toAbsolutePath().normalize();
    }
}
