package org.firewalldoors.compliance.internal.decide;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RecordTypeProvider;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyCompiler;
import org.firewalldoors.compliance.internal.policy.PolicyException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Version;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The extender that loads policy bundles (as Felix SCR does for
 * {@code Service-Component}): a bundle whose manifest names JSON documents in
 * the {@value #HEADER} header has them compiled when it starts. A document
 * that fails is refused whole and the policy it would have replaced stays.
 * When a policy bundle stops, its policy keeps deciding for a short grace
 * period so that an in-place update (stop, update, start) never leaves an
 * operation without a policy; an uninstalled policy goes at once.
 *
 * <p>Several bundles may provide the same policy id, for example the policy
 * bundle the distribution installed from {@code bundle/} and a newer version
 * dropped into {@code load/}: the highest {@code Bundle-Version} decides (a tie:
 * the bundle installed last), the others are listed as superseded and take
 * over only if the winner goes. A swap is one map replacement: every decision
 * sees either the old or the new version, never none.
 *
 * <p>Policy bundles installed and due to start when the registry activates (at
 * framework start, those started after the compliance bundle) have their
 * documents compiled ahead, on a thread of their own, while the framework
 * starts the other bundles; a policy still becomes active only when its bundle
 * starts, as if it had been compiled then.
 */
@Component(service = PolicyRegistry.class, immediate = true)
public final class PolicyRegistry {

    /** The manifest header naming the policy documents of a bundle, comma-separated. */
    public static final String HEADER = "Firewall-Policy";

    /** How long a stopped policy bundle's policy keeps deciding while it is being updated. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

    private static final System.Logger LOG = System.getLogger(PolicyRegistry.class.getName());
    private static final int REFUSALS_KEPT = 50;

    /** A policy, the bundle that provides it, and where it stands. */
    private record Slot(CompiledPolicy policy, long bundleId, String bundle, Version bundleVersion,
            long retireAtNanos, String document, String json) {
        boolean live(long now) {
            return retireAtNanos == Long.MAX_VALUE || now - retireAtNanos < 0;
        }

        Slot retiringAt(long at) {
            return new Slot(policy, bundleId, bundle, bundleVersion, at, document, json);
        }
    }

    /** Of several bundles providing one policy id, the highest bundle version wins; a tie goes to the newest. */
    private static final Comparator<Slot> BEST_FIRST = Comparator.comparing(Slot::bundleVersion)
            .thenComparingLong(Slot::bundleId).reversed();

    /**
     * A policy document a bundle of this node provides, as it is shared with the other host nodes of the database.
     *
     * @param policyId the id of the policy the document compiles to
     * @param bundle the symbolic name of the bundle
     * @param bundleVersion its version: of several bundles providing one policy id, the highest decides
     * @param document the document's name in the bundle
     * @param json the document
     */
    public record SharedDocument(String policyId, String bundle, Version bundleVersion, String document, String json) {
    }

    /** Told of the policy documents this node's bundles load and of the bundles uninstalled (ClusterSync). */
    public interface Publisher {
        /** A bundle of this node loaded a valid policy document. */
        void loaded(SharedDocument document);

        /** A bundle of this node providing policies was uninstalled. */
        void uninstalled(String bundle, Version version);
    }

    /** How long after the last successful read of the shared state a node on a shared database still decides. */
    public static final long SHARED_STATE_STALE_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** A refused document. */
    public record RefusedDocument(String bundle, String document, String reason, Instant at) {
    }

    /** A valid policy that does not decide because another bundle provides a higher version of it. */
    public record SupersededPolicy(String id, String version, String bundle, String supersededBy) {
    }

    /** By policy id, the candidates best first: the first live one decides. Lists are replaced, never changed. */
    private final Map<String, List<Slot>> slots = new ConcurrentHashMap<>();
    private final Deque<RefusedDocument> refused = new ConcurrentLinkedDeque<>();
    private final Clock clock = Clock.systemUTC();
    /** Bundle ids given to the documents adopted from other nodes, by bundle and version: negative, never a bundle's. */
    private final Map<String, Long> adoptedIds = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong nextAdoptedId = new java.util.concurrent.atomic.AtomicLong(-1);
    private volatile Publisher publisher;
    private volatile long sharedStateReadAt;
    private volatile boolean sharedStateRead;
    private BundleTracker<List<String>> tracker;
    private SynchronousBundleListener uninstalls;
    private BundleContext context;

    /** Documents compiled ahead, by bundle id; used once, when that bundle starts unchanged. */
    private final Map<Long, Ahead> ahead = new ConcurrentHashMap<>();
    private ExecutorService aheadCompiler;

    /** The documents of a bundle compiled ahead, and the bundle's last modification they were read at. */
    private record Ahead(long lastModified, Map<String, Future<Compiled>> documents) {
    }

    /** A policy document as read from its bundle, and compiled. */
    private record Compiled(CompiledPolicy policy, String json) {
    }

    /** Every policy loaded, refused or removed is audited (X2); absent only in unit tests. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditTrail audit;

    /**
     * Present when the host's database is one that several host nodes share (PostgreSQL): then this node decides
     * only while it has read the shared policies and regions lately (fail closed, X5), see {@link #sharedStateRead()}.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(&(name=firewalldoors)(database=postgresql))")
    volatile javax.sql.DataSource sharedDatabase;

    /** The host's record types, to warn about those a policy does not classify. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<RecordTypeProvider> recordTypes = List.of();

    /** @return the host's record types the policy does not classify: they fall to their owner's side */
    public List<String> unclassified(CompiledPolicy policy) {
        return recordTypes.stream().flatMap(p -> p.recordTypes().stream()).map(RecordTypeDescriptor::name)
                .filter(t -> !policy.classifies(t)).distinct().sorted().toList();
    }

    private void audit(String action, String region, String outcome, String policyId, String policyVersion,
            String message) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.append(new AuditEvent("system", action, null, null, region == null ? Principal.GLOBAL : region, outcome,
                    null, "X3", policyId, policyVersion, message, Map.of(), Map.of()));
        }
    }

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
        uninstalls = event -> {
            if (event.getType() == BundleEvent.UNINSTALLED) {
                long id = event.getBundle().getBundleId();
                replaceEach(s -> s.bundleId() == id ? null : s);
                Publisher p = publisher;
                if (p != null && event.getBundle().getHeaders().get(HEADER) != null) {
                    p.uninstalled(event.getBundle().getSymbolicName(), event.getBundle().getVersion());
                }
            }
        };
        ctx.addBundleListener(uninstalls);
        compileAhead(ctx.getBundles());
        tracker = new BundleTracker<>(ctx, Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, new Customizer());
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        context.removeBundleListener(uninstalls);
        if (aheadCompiler != null) {
            aheadCompiler.shutdownNow();
        }
        ahead.clear();
        slots.clear();
    }

    /**
     * Compiles, on a thread of its own, the documents of the policy bundles that are installed or resolved and
     * persistently started: the framework starts them later, and the compiling overlaps with the start of the
     * bundles before them (opening the database, Jetty) instead of following it.
     */
    private void compileAhead(Bundle[] bundles) {
        for (Bundle bundle : bundles) {
            if ((bundle.getState() & (Bundle.INSTALLED | Bundle.RESOLVED)) == 0 || documents(bundle).isEmpty()) {
                continue;
            }
            BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
            if (startLevel == null || !startLevel.isPersistentlyStarted()) {
                continue;
            }
            if (aheadCompiler == null) {
                aheadCompiler = Executors.newSingleThreadExecutor(task -> {
                    Thread t = new Thread(task, "Firewall with Doors policy compiler");
                    t.setDaemon(true);
                    return t;
                });
            }
            Map<String, Future<Compiled>> compiled = new HashMap<>();
            for (String document : documents(bundle)) {
                compiled.put(document, aheadCompiler.submit(() -> compileNow(bundle, document)));
            }
            ahead.put(bundle.getBundleId(), new Ahead(bundle.getLastModified(), compiled));
        }
        if (aheadCompiler != null) {
            aheadCompiler.shutdown(); // compiles what it was given, then its thread ends
        }
    }

    /**
     * @return the document compiled ahead when the bundle is unchanged since, otherwise compiled now; a
     *         document that failed ahead is compiled again now, so that it is refused as it always was
     */
    private Compiled compile(Bundle bundle, String document) throws PolicyException, IOException {
        Ahead a = ahead.get(bundle.getBundleId());
        Future<Compiled> f = a == null || a.lastModified() != bundle.getLastModified() ? null
                : a.documents().get(document);
        if (f != null) {
            try {
                return f.get();
            } catch (ExecutionException | CancellationException e) {
                // compiled again below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return compileNow(bundle, document);
    }

    /** Reads a document and the resources it names (its classifier's weights) from its bundle, and compiles it. */
    private static Compiled compileNow(Bundle bundle, String document) throws PolicyException, IOException {
        String json = read(bundle, document);
        return new Compiled(PolicyCompiler.compile(document, json, source(bundle, document),
                resource -> read(bundle, resource)), json);
    }

    /** @return the names of the policy documents the bundle's manifest lists, none when it is no policy bundle */
    private static List<String> documents(Bundle bundle) {
        String header = bundle.getHeaders().get(HEADER);
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(d -> !d.isEmpty()).toList();
    }

    private static String source(Bundle bundle, String document) {
        return bundle.getSymbolicName() + "/" + bundle.getVersion() + "!" + document;
    }

    private static Optional<Slot> winner(List<Slot> candidates, long now) {
        for (Slot s : candidates) {
            if (s.live(now)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** @return the live policy with this id (of several bundles providing it, the highest version) */
    public Optional<CompiledPolicy> policy(String id) {
        if (!sharedStateCurrent()) {
            return Optional.empty();
        }
        List<Slot> candidates = slots.get(id);
        return candidates == null ? Optional.empty() : winner(candidates, System.nanoTime()).map(Slot::policy);
    }

    /** @return the live policy written for a region (when the region names no policy) */
    public Optional<CompiledPolicy> policyForRegion(String region) {
        return policies().stream().filter(p -> p.region().equals(region)).findFirst();
    }

    /** @return every live policy that decides */
    public List<CompiledPolicy> policies() {
        if (!sharedStateCurrent()) {
            return List.of();
        }
        long now = System.nanoTime();
        return slots.values().stream().map(c -> winner(c, now)).flatMap(Optional::stream).map(Slot::policy).toList();
    }

    /**
     * @return whether this node may decide: always on a database of its own; on a shared one, only once it has read
     *         the policies and regions the other nodes shared, and then only while it keeps reading them, so that a
     *         node cut off from the shared state refuses guarded operations rather than decide with what may be an
     *         older policy
     */
    public boolean sharedStateCurrent() {
        if (sharedDatabase == null) {
            return true;
        }
        return sharedStateRead && System.nanoTime() - sharedStateReadAt < SHARED_STATE_STALE_NANOS;
    }

    /** Tells the registry that the shared state was read completely just now (ClusterSync). */
    public void sharedStateRead() {
        sharedStateReadAt = System.nanoTime();
        sharedStateRead = true;
    }

    /**
     * Lets a publisher share the documents this node's bundles load; it is told at once of those already loaded.
     * Null stops the sharing.
     */
    public void share(Publisher p) {
        publisher = p;
        if (p == null) {
            sharedStateRead = false;
            return;
        }
        for (List<Slot> candidates : slots.values()) {
            candidates.stream().filter(s -> s.bundleId() >= 0 && s.json() != null).forEach(s -> p.loaded(
                    new SharedDocument(s.policy().id(), s.bundle(), s.bundleVersion(), s.document(), s.json())));
        }
    }

    /**
     * @return whether this node has the shared document already: from a bundle of its own of the same name and
     *         version, or adopted before (then its text need not be read again)
     */
    public boolean holds(SharedDocument d) {
        String key = d.bundle() + "/" + d.bundleVersion() + "!" + d.document();
        return adoptedIds.containsKey(key) || slots.getOrDefault(d.policyId(), List.of()).stream().anyMatch(s ->
                s.bundleId() >= 0 && s.bundle().equals(d.bundle()) && s.bundleVersion().equals(d.bundleVersion()));
    }

    /**
     * Makes the documents that other nodes shared candidates here, beside this node's bundles (the highest bundle
     * version of a policy id decides), and drops those adopted before that are no longer shared. A document that
     * this node's own bundle of the same name and version provides is not adopted again. Adopting is not audited:
     * the node that loaded the bundle did.
     */
    public void adopt(Collection<SharedDocument> shared) {
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (SharedDocument d : shared) {
            String key = d.bundle() + "/" + d.bundleVersion() + "!" + d.document();
            keep.add(key);
            boolean local = slots.getOrDefault(d.policyId(), List.of()).stream().anyMatch(s -> s.bundleId() >= 0
                    && s.bundle().equals(d.bundle()) && s.bundleVersion().equals(d.bundleVersion()));
            if (local || adoptedIds.containsKey(key) || d.json() == null) {
                continue;
            }
            String source = key + " (shared by another node)";
            try {
                CompiledPolicy p = PolicyCompiler.compile(d.document(), d.json(), source);
                long id = nextAdoptedId.getAndDecrement();
                offer(new Slot(p, id, d.bundle(), d.bundleVersion(), Long.MAX_VALUE, d.document(), d.json()));
                adoptedIds.put(key, id);
                LOG.log(System.Logger.Level.INFO, "policy {0} {1} for region {2} shared by another node: {3}", p.id(),
                        p.version(), p.region(), source);
            } catch (PolicyException e) {
                adoptedIds.put(key, Long.MIN_VALUE); // not tried again; the origin's compiler accepted it
                LOG.log(System.Logger.Level.ERROR, "policy document {0} shared by another node refused: {1}", source,
                        e.getMessage());
                refused.addFirst(new RefusedDocument(d.bundle() + "/" + d.bundleVersion() + " (shared)", d.document(),
                        e.getMessage(), clock.instant()));
            }
        }
        for (var e : List.copyOf(adoptedIds.entrySet())) {
            if (!keep.contains(e.getKey())) {
                adoptedIds.remove(e.getKey());
                long id = e.getValue();
                replaceEach(s -> s.bundleId() == id ? null : s);
            }
        }
    }

    /** @return the valid policies that do not decide because a higher version of the same id does */
    public List<SupersededPolicy> superseded() {
        long now = System.nanoTime();
        List<SupersededPolicy> result = new ArrayList<>();
        slots.values().forEach(candidates -> winner(candidates, now).ifPresent(w -> candidates.stream()
                .filter(s -> s != w && s.live(now))
                .forEach(s -> result.add(new SupersededPolicy(s.policy().id(), s.policy().version(),
                        s.bundle() + "/" + s.bundleVersion(), w.bundle() + "/" + w.bundleVersion())))));
        return result;
    }

    /** @return the documents refused lately, newest first */
    public List<RefusedDocument> refused() {
        return List.copyOf(refused);
    }

    /** Puts a bundle's policy among the candidates of its id, in place of what the same bundle provided before. */
    private void offer(Slot slot) {
        slots.compute(slot.policy().id(), (id, candidates) -> {
            List<Slot> next = new ArrayList<>();
            if (candidates != null) {
                candidates.stream().filter(s -> s.bundleId() != slot.bundleId()).forEach(next::add);
            }
            next.add(slot);
            next.sort(BEST_FIRST);
            return List.copyOf(next);
        });
    }

    /** Replaces each candidate by what the function returns for it (null: removed). */
    private void replaceEach(UnaryOperator<Slot> change) {
        for (String id : slots.keySet()) {
            slots.computeIfPresent(id, (k, candidates) -> {
                List<Slot> next = candidates.stream().map(change).filter(Objects::nonNull).sorted(BEST_FIRST).toList();
                return next.isEmpty() ? null : next;
            });
        }
    }

    /** Compiles and installs the documents of a bundle; returns the ids of the policies it installed. */
    List<String> load(Bundle bundle) {
        List<String> documents = documents(bundle);
        if (documents.isEmpty()) {
            ahead.remove(bundle.getBundleId());
            return null;
        }
        List<String> installed = new ArrayList<>();
        for (String document : documents) {
            String source = source(bundle, document);
            try {
                Compiled compiled = compile(bundle, document);
                CompiledPolicy p = compiled.policy();
                String json = compiled.json();
                offer(new Slot(p, bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion(), Long.MAX_VALUE,
                        document, json));
                installed.add(p.id());
                LOG.log(System.Logger.Level.INFO, "policy {0} {1} for region {2} active from {3}", p.id(), p.version(),
                        p.region(), source);
                List<String> unclassified = unclassified(p);
                if (!unclassified.isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, "policy {0} {1} does not classify the host''s record types "
                            + "{2}: their records and fields belong to their owner''s side only", p.id(), p.version(),
                            unclassified);
                }
                audit("POLICY_LOADED", p.region(), "ALLOW", p.id(), p.version(), "policy loaded from " + source
                        + (unclassified.isEmpty() ? "" : "; record types it does not classify: " + unclassified));
                Publisher publishTo = publisher;
                if (publishTo != null) {
                    publishTo.loaded(new SharedDocument(p.id(), bundle.getSymbolicName(), bundle.getVersion(),
                            document, json));
                }
            } catch (PolicyException | IOException e) {
                refuse(bundle, document, e.getMessage());
            }
        }
        ahead.remove(bundle.getBundleId()); // used once: a later start of the bundle compiles again
        return installed;
    }

    private void refuse(Bundle bundle, String document, String reason) {
        LOG.log(System.Logger.Level.ERROR, "policy document {0} of bundle {1} refused: {2}", document,
                bundle.getSymbolicName(), reason);
        audit("POLICY_REFUSED", null, "BLOCK", null, null, "policy document " + document + " of "
                + bundle.getSymbolicName() + "/" + bundle.getVersion() + " refused: " + reason);
        // A policy this bundle provided before an update stays in force: it was valid, the new one is not.
        replaceEach(s -> s.bundleId() == bundle.getBundleId() ? s.retiringAt(Long.MAX_VALUE) : s);
        refused.addFirst(new RefusedDocument(bundle.getSymbolicName() + "/" + bundle.getVersion(), document, reason,
                clock.instant()));
        while (refused.size() > REFUSALS_KEPT) {
            refused.pollLast();
        }
    }

    private static String read(Bundle bundle, String document) throws IOException {
        URL url = bundle.getEntry(document);
        if (url == null) {
            throw new IOException(document + ": document: not found in the bundle");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void retire(Bundle bundle, Collection<String> ids) {
        ids.forEach(id -> audit("POLICY_REMOVED", null, "ALLOW", id, null, "policy " + id + " of "
                + bundle.getSymbolicName() + "/" + bundle.getVersion() + " removed"));
        long retireAt = System.nanoTime() + GRACE_NANOS;
        replaceEach(s -> s.bundleId() == bundle.getBundleId() && ids.contains(s.policy().id())
                ? s.retiringAt(retireAt) : s);
    }

    private final class Customizer implements BundleTrackerCustomizer<List<String>> {
        @Override
        public List<String> addingBundle(Bundle bundle, BundleEvent event) {
            if (bundle.getState() == Bundle.STOPPING) {
                return null;
            }
            return load(bundle);
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, List<String> ids) {
            if (bundle.getState() == Bundle.STOPPING) {
                retire(bundle, ids);
            }
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, List<String> ids) {
            retire(bundle, ids);
        }
    }
}
