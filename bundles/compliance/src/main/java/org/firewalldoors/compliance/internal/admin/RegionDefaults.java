package org.firewalldoors.compliance.internal.admin;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.firewalldoors.compliance.internal.region.RegionSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Shipped region defaults only seed: a distribution ships its regions as
 * {@code org.firewalldoors.region-<name>.cfg} files in the folder named by the
 * framework property {@value #DEFAULTS_PROPERTY} (not in {@code load/}, which
 * belongs to the admin). At start, a default is copied into the FileInstall
 * folder ({@code felix.fileinstall.dir}) only if it was never seeded before,
 * no configuration of its region exists and no file of its name is there.
 * From then on the region is the admin's: edits made in the file, over HTTP,
 * in the shell or through Configuration Admin (written back to the file) are
 * never overwritten by the defaults of a later version, and a region the admin
 * deleted stays deleted. Without the property (a vendor's host) nothing happens.
 */
@Component(immediate = true)
public final class RegionDefaults {

    /** The framework property naming the folder of shipped region defaults. */
    public static final String DEFAULTS_PROPERTY = "firewalldoors.region.defaults";
    /** The configuration that remembers which defaults were seeded (property {@code seeded}: file names). */
    static final String SEEDED_PID = "org.firewalldoors.region.defaults";
    private static final String PREFIX = RegionSettings.PID + "-";
    private static final System.Logger LOG = System.getLogger(RegionDefaults.class.getName());

    @Reference
    ConfigurationAdmin configAdmin;

    @Activate
    void activate(BundleContext context) {
        String defaults = context.getProperty(DEFAULTS_PROPERTY);
        if (defaults == null || defaults.isBlank()) {
            return;
        }
        String load = context.getProperty("felix.fileinstall.dir");
        try {
            List<String> seeded = seed(Path.of(defaults.trim()), load == null || load.isBlank() ? null : Path.of(load.trim()));
            if (!seeded.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "region defaults seeded: {0}", seeded);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "region defaults in " + defaults + " not seeded", e);
        }
    }

    /**
     * Seeds the defaults that were never seeded and whose region has no configuration.
     *
     * @param defaults the folder of shipped defaults
     * @param load     the FileInstall folder, or null to create the configurations directly
     * @return the file names of the defaults seeded now
     */
    List<String> seed(Path defaults, Path load) throws IOException {
        if (!Files.isDirectory(defaults)) {
            return List.of();
        }
        Configuration marker = configAdmin.getConfiguration(SEEDED_PID, "?");
        Dictionary<String, Object> markerProps = marker.getProperties() == null ? new Hashtable<>()
                : marker.getProperties();
        Set<String> seeded = new TreeSet<>(strings(markerProps.get("seeded")));
        List<String> now = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(defaults)) {
            files = listing.filter(f -> f.getFileName().toString().startsWith(PREFIX)
                    && f.getFileName().toString().endsWith(".cfg")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!seeded.add(name)) {
                continue; // seeded once: what happened to it since is the admin's business
            }
            Properties values = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                values.load(in);
            }
            String code = values.getProperty("code", "").trim();
            if (configured(code) || load != null && Files.exists(load.resolve(name))) {
                continue; // the admin's region, from an earlier version or made by hand
            }
            if (load != null) {
                Files.createDirectories(load);
                // Written whole under a name FileInstall ignores, then renamed: it never reads half a file.
                Path partial = Files.createTempFile(load.toAbsolutePath().getParent(), name, ".part");
                Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, load.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } else {
                Hashtable<String, Object> props = new Hashtable<>();
                values.stringPropertyNames().forEach(k -> props.put(k, values.getProperty(k).trim()));
                String alias = name.substring(PREFIX.length(), name.length() - ".cfg".length());
                configAdmin.getFactoryConfiguration(RegionSettings.PID, alias, "?").update(props);
            }
            now.add(name);
        }
        markerProps.put("seeded", seeded.toArray(new String[0]));
        marker.update(markerProps);
        return now;
    }

    private boolean configured(String code) throws IOException {
        try {
            Configuration[] all = configAdmin.listConfigurations("(service.factoryPid=" + RegionSettings.PID + ")");
            return all != null && Arrays.stream(all).map(Configuration::getProperties)
                    .anyMatch(p -> p != null && code.toUpperCase(Locale.ROOT)
                            .equals(String.valueOf(p.get("code")).trim().toUpperCase(Locale.ROOT)));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Object value) {
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof String s) {
            return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        }
        return List.of();
    }
}
