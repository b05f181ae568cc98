package org.firewalldoors.compliance.internal.cluster;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.firewalldoors.compliance.internal.admin.ConfigurationAudit;
import org.firewalldoors.compliance.internal.decide.PolicyRegistry;
import org.firewalldoors.compliance.internal.decide.PolicyRegistry.SharedDocument;
import org.firewalldoors.compliance.internal.region.RegionSettings;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps the host nodes that share one PostgreSQL database deciding alike: the policy documents this node's
 * bundles load and the region changes made on this node (admin API, shell, {@code .cfg} file, Configuration Admin)
 * are written to the shared tables ({@link SharedState}); every {@value #POLL_MILLIS} ms the node reads the shared
 * change counter and, when it moved, adopts the policies and applies the region settings the other nodes shared,
 * so that a change reaches every node within a second. What another node loaded or changed was audited there, once;
 * this node applies it without a second entry. A region's settings are applied only when their change number is
 * above the one applied last, so an older change never wins. While the node cannot read the shared state, the
 * policy registry stops deciding after {@link PolicyRegistry#SHARED_STATE_STALE_NANOS} (fail closed, X5).
 *
 * <p>Active only on a database registered with {@code database=postgresql}; on the embedded H2 database (one node)
 * nothing of this runs.
 */
@Component(immediate = true, service = { ClusterSync.class, SynchronousConfigurationListener.class })
public final class ClusterSync implements SynchronousConfigurationListener, PolicyRegistry.Publisher {

    /** How often the shared change counter is read. */
    static final long POLL_MILLIS = 100;

    private static final System.Logger LOG = System.getLogger(ClusterSync.class.getName());

    @Reference(target = "(&(name=firewalldoors)(database=postgresql))")
    DataSource database;
    @Reference
    PolicyRegistry registry;
    @Reference
    ConfigurationAdmin configAdmin;
    @Reference
    ConfigurationAudit configAudit;

    private volatile SharedState state;
    private volatile ScheduledExecutorService poller;
    private volatile long seen = -1;
    private volatile long failingSince;
    /** By region code: the number of the shared change this node applied or made last. */
    private final Map<String, Long> applied = new ConcurrentHashMap<>();
    /** By region code: the shared settings as of that change. */
    private final Map<String, SharedState.Region> known = new ConcurrentHashMap<>();
    /** By configuration PID: the region code, to know which region a deleted configuration was. */
    private final Map<String, String> codeOfPid = new ConcurrentHashMap<>();

    @Activate
    void activate() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "firewalldoors-cluster-sync");
            t.setDaemon(true);
            return t;
        });
        state = new SharedState(database, Clock.systemUTC());
        SharedState.Snapshot first = state.read();
        // Regions configured here that no node shared yet (a new cluster): this node's settings start it.
        for (Configuration c : regionConfigurations()) {
            Optional<Settings> local = Settings.of(c.getProperties());
            if (local.isEmpty()) {
                continue;
            }
            codeOfPid.put(c.getPid(), local.get().code());
            if (!first.regions().containsKey(local.get().code())) {
                SharedState.Region r = state.publish(local.get().code(), local.get().modules(), local.get().policy(),
                        false);
                known.put(r.code(), r);
                applied.put(r.code(), r.generation());
            }
        }
        registry.share(this); // shares the policies this node's bundles loaded so far
        sync();
        poller.scheduleWithFixedDelay(this::sync, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "sharing policies and regions with the other nodes of the database "
                + "(checked every {0} ms)", POLL_MILLIS);
    }

    @Deactivate
    void deactivate() {
        registry.share(null);
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** Reads the shared change counter; when it moved, adopts and applies what changed. */
    void sync() {
        try {
            long generation = state.generation();
            if (generation != seen) {
                SharedState.Snapshot s = state.read(d -> !registry.holds(d));
                registry.adopt(s.policies());
                s.regions().values().forEach(this::apply);
                seen = s.generation();
            }
            registry.sharedStateRead();
            if (failingSince != 0) {
                LOG.log(System.Logger.Level.INFO, "the shared policies and regions can be read again");
                failingSince = 0;
            }
        } catch (RuntimeException e) {
            if (failingSince == 0) {
                failingSince = System.nanoTime();
                LOG.log(System.Logger.Level.ERROR, "cannot read the policies and regions shared by the other nodes; "
                        + "guarded operations are refused here until they can be read: " + e.getMessage());
            }
        }
    }

    /** Applies a region's shared settings here, unless this node applied that change, or a newer one, already. */
    private void apply(SharedState.Region r) {
        Long mine = applied.get(r.code());
        if (mine != null && r.generation() <= mine) {
            return;
        }
        // Remembered before the change, so that the listener called inside it knows it for the others'.
        known.put(r.code(), r);
        applied.merge(r.code(), r.generation(), Math::max);
        Configuration existing = configuration(r.code());
        Optional<Settings> local = existing == null ? Optional.empty() : Settings.of(existing.getProperties());
        if (local.isPresent() ? r.sameSettings(local.get().modules(), local.get().policy(), false) : r.deleted()) {
            return;
        }
        try {
            configAudit.replicating(() -> {
                if (r.deleted()) {
                    existing.delete();
                    return;
                }
                Configuration target = existing != null ? existing
                        : configAdmin.getFactoryConfiguration(RegionSettings.PID, r.code().toLowerCase(Locale.ROOT), "?");
                Dictionary<String, Object> props = target.getProperties() == null ? new Hashtable<>()
                        : target.getProperties();
                props.put("code", r.code());
                props.put("modules", r.modules().toArray(new String[0]));
                props.put("policy", r.policy());
                codeOfPid.put(target.getPid(), r.code());
                target.update(props);
            });
            LOG.log(System.Logger.Level.INFO, "region {0} as changed on another node: {1}", r.code(),
                    r.deleted() ? "deleted" : "modules " + r.modules() + ", policy " + r.policy());
        } catch (IOException | RuntimeException e) {
            applied.remove(r.code()); // tried again at the next change
            LOG.log(System.Logger.Level.ERROR, "cannot apply region " + r.code() + " as changed on another node", e);
        }
    }

    /**
     * A region changed here: shared with the other nodes, unless it is what this node applied from them. Called
     * inside the change (synchronously), so that when the admin API answers, the other nodes can read it.
     */
    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (!RegionSettings.PID.equals(event.getFactoryPid()) || state == null) {
            return;
        }
        try {
            if (event.getType() == ConfigurationEvent.CM_DELETED) {
                String code = codeOfPid.remove(event.getPid());
                SharedState.Region k = code == null ? null : known.get(code);
                if (code != null && (k == null || !k.deleted())) {
                    remember(state.publish(code, List.of(), null, true));
                }
                return;
            }
            Configuration c = configuration(event);
            Optional<Settings> local = c == null ? Optional.empty() : Settings.of(c.getProperties());
            if (local.isEmpty()) {
                return;
            }
            Settings now = local.get();
            codeOfPid.put(event.getPid(), now.code());
            SharedState.Region k = known.get(now.code());
            if (k != null && k.sameSettings(now.modules(), now.policy(), false)) {
                return; // what this node applied from the others, or no change
            }
            if (!applied.containsKey(now.code())) {
                // A configuration this node had not seen yet (shipped defaults seeded at start, a file copied in)
                // while the nodes share settings for the region already: theirs stand.
                SharedState.Region shared = state.read(d -> false).regions().get(now.code());
                if (shared != null) {
                    poller.execute(() -> apply(shared)); // not inside the change being made
                    return;
                }
            }
            remember(state.publish(now.code(), now.modules(), now.policy(), false));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot share the change of region configuration " + event.getPid()
                    + " with the other nodes", e);
        }
    }

    private void remember(SharedState.Region r) {
        known.put(r.code(), r);
        applied.merge(r.code(), r.generation(), Math::max);
    }

    @Override
    public void loaded(SharedDocument document) {
        try {
            state.publish(document);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot share policy document " + document.document() + " of "
                    + document.bundle() + "/" + document.bundleVersion() + " with the other nodes", e);
        }
    }

    @Override
    public void uninstalled(String bundle, Version version) {
        try {
            state.withdraw(bundle, version);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot withdraw the policies of " + bundle + "/" + version
                    + " from the other nodes", e);
        }
    }

    private Configuration configuration(ConfigurationEvent event) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + event.getPid() + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Configuration configuration(String code) {
        return regionConfigurations().stream()
                .filter(c -> Settings.of(c.getProperties()).map(s -> s.code().equals(code)).orElse(false))
                .findFirst().orElse(null);
    }

    private List<Configuration> regionConfigurations() {
        try {
            Configuration[] all = configAdmin.listConfigurations("(service.factoryPid=" + RegionSettings.PID + ")");
            return all == null ? List.of() : List.of(all);
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A region's settings as a configuration holds them (a .cfg file: modules comma-separated). */
    record Settings(String code, List<String> modules, String policy) {
        static Optional<Settings> of(Dictionary<String, Object> props) {
            if (props == null || props.get("code") == null) {
                return Optional.empty();
            }
            String code = String.valueOf(props.get("code")).trim().toUpperCase(Locale.ROOT);
            Object m = props.get("modules");
            List<String> raw = m instanceof String[] a ? List.of(a) : m == null ? List.of("compliance")
                    : List.of(String.valueOf(m));
            List<String> modules = raw.stream().flatMap(x -> Arrays.stream(x.split(","))).map(String::trim)
                    .filter(x -> !x.isEmpty()).distinct().toList();
            Object policy = props.get("policy");
            return Optional.of(new Settings(code, modules, policy == null ? null : String.valueOf(policy).trim()));
        }
    }

    /** For tests: what the node applied last, by region. */
    Map<String, Long> applied() {
        return new HashMap<>(applied);
    }
}
