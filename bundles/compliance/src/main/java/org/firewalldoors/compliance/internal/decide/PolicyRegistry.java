package org.firewalldoors.compliance.internal.decide;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyCompiler;
import org.firewalldoors.compliance.internal.policy.PolicyException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
 */
@Component(service = PolicyRegistry.class, immediate = true)
public final class PolicyRegistry {

    /** The manifest header naming the policy documents of a bundle, comma-separated. */
    public static final String HEADER = "Firewall-Policy";

    /** How long a stopped policy bundle's policy keeps deciding while it is being updated. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

    private static final System.Logger LOG = System.getLogger(PolicyRegistry.class.getName());
    private static final int REFUSALS_KEPT = 50;

    /** A policy and where it stands. */
    private record Slot(CompiledPolicy policy, long bundleId, long retireAtNanos) {
        boolean live(long now) {
            return retireAtNanos == Long.MAX_VALUE || now - retireAtNanos < 0;
        }
    }

    /** A refused document. */
    public record RefusedDocument(String bundle, String document, String reason, Instant at) {
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Deque<RefusedDocument> refused = new ConcurrentLinkedDeque<>();
    private final Clock clock = Clock.systemUTC();
    private BundleTracker<List<String>> tracker;
    private SynchronousBundleListener uninstalls;
    private BundleContext context;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
        uninstalls = event -> {
            if (event.getType() == BundleEvent.UNINSTALLED) {
                long id = event.getBundle().getBundleId();
                slots.values().removeIf(s -> s.bundleId() == id);
            }
        };
        ctx.addBundleListener(uninstalls);
        tracker = new BundleTracker<>(ctx, Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, new Customizer());
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        context.removeBundleListener(uninstalls);
        slots.clear();
    }

    /** @return the live policy with this id */
    public Optional<CompiledPolicy> policy(String id) {
        Slot s = slots.get(id);
        return s != null && s.live(System.nanoTime()) ? Optional.of(s.policy()) : Optional.empty();
    }

    /** @return the live policy written for a region (when the region names no policy) */
    public Optional<CompiledPolicy> policyForRegion(String region) {
        long now = System.nanoTime();
        return slots.values().stream().filter(s -> s.live(now) && s.policy().region().equals(region))
                .map(Slot::policy).findFirst();
    }

    /** @return every live policy */
    public List<CompiledPolicy> policies() {
        long now = System.nanoTime();
        return slots.values().stream().filter(s -> s.live(now)).map(Slot::policy).toList();
    }

    /** @return the documents refused lately, newest first */
    public List<RefusedDocument> refused() {
        return List.copyOf(refused);
    }

    /** Compiles and installs the documents of a bundle; returns the ids of the policies it installed. */
    List<String> load(Bundle bundle) {
        String header = bundle.getHeaders().get(HEADER);
        if (header == null || header.isBlank()) {
            return null;
        }
        List<String> installed = new ArrayList<>();
        for (String document : header.split(",")) {
            document = document.trim();
            String source = bundle.getSymbolicName() + "/" + bundle.getVersion() + "!" + document;
            try {
                CompiledPolicy p = PolicyCompiler.compile(document, read(bundle, document), source);
                slots.put(p.id(), new Slot(p, bundle.getBundleId(), Long.MAX_VALUE));
                installed.add(p.id());
                LOG.log(System.Logger.Level.INFO, "policy {0} {1} for region {2} active from {3}", p.id(), p.version(),
                        p.region(), source);
            } catch (PolicyException | IOException e) {
                refuse(bundle, document, e.getMessage());
            }
        }
        return installed;
    }

    private void refuse(Bundle bundle, String document, String reason) {
        LOG.log(System.Logger.Level.ERROR, "policy document {0} of bundle {1} refused: {2}", document,
                bundle.getSymbolicName(), reason);
        // A policy this bundle provided before an update stays in force: it was valid, the new one is not.
        slots.replaceAll((id, s) -> s.bundleId() == bundle.getBundleId()
                ? new Slot(s.policy(), s.bundleId(), Long.MAX_VALUE) : s);
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
        long retireAt = System.nanoTime() + GRACE_NANOS;
        for (String id : ids) {
            slots.computeIfPresent(id, (k, s) -> s.bundleId() == bundle.getBundleId()
                    ? new Slot(s.policy(), s.bundleId(), retireAt) : s);
        }
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
