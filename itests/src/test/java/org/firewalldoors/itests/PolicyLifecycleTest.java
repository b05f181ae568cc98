package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.firewalldoors.api.compliance.AuditEntry;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * A policy bundle's life: installed, hot-swapped in place under load, refused when broken, uninstalled (X3, X5).
 * Runs in region ZZ, for which the framework has no other policy (EU and US have their shipped ones).
 */
class PolicyLifecycleTest {

    @InjectBundleContext
    BundleContext context;
    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService(timeout = 30_000)
    AuditTrail audit;
    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    @Test
    void installSwapUnderLoadRefuseBrokenAndUninstall() throws Exception {
        Caller rep = caller(users, "rep.zz");
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, assertThrows(OperationRefusedException.class,
                () -> records.create(rep, "Task", Map.of("subject", "before any policy"))).refusal().kind());

        Bundle policy = context.installBundle("test:zz-policy", PolicyBundles.bundle("test.policy.zz", "1.0.0",
                PolicyBundles.zzPolicy("1.0.0")));
        try {
            policy.start();
            assertEquals("1.0.0", decisionPoint.activePolicy("ZZ").orElseThrow().version());
            records.create(rep, "Task", Map.of("subject", "call the pharmacy"));
            OperationRefusedException refused = assertThrows(OperationRefusedException.class,
                    () -> records.create(rep, "Task", Map.of("subject", "hit the Quarterly  QUOTA now")));
            assertEquals(RefusalKind.CONTENT, refused.refusal().kind());
            assertEquals("zz.test.no-quota-talk", refused.refusal().ruleId());
            assertEquals(List.of("Quarterly  QUOTA"), refused.refusal().offending());

            swapUnderLoad(() -> policy.update(PolicyBundles.bundle("test.policy.zz", "2.0.0",
                    PolicyBundles.zzPolicy("2.0.0"))), rep);

            // A broken version is refused whole; version 2 stays in force.
            policy.update(PolicyBundles.bundle("test.policy.zz", "3.0.0",
                    PolicyBundles.zzPolicy("3.0.0").replace("\"requirement\": \"H2\", ", "")));
            assertEquals("2.0.0", decisionPoint.activePolicy("ZZ").orElseThrow().version());
            records.create(rep, "Task", Map.of("subject", "still decided by version 2"));
            HttpResponse<String> policies = new ApiClient(runtime, "/api/v1/policies")
                    .send("GET", "/policies", "compliance.zz", null);
            assertEquals(200, policies.statusCode());
            assertTrue(policies.body().contains("policy/test.json: rule zz.test.no-quota-talk: 'requirement'"),
                    policies.body());
            assertTrue(policies.body().contains("\"ZZ\":{"), policies.body());
        } finally {
            policy.uninstall();
        }
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, assertThrows(OperationRefusedException.class,
                () -> records.create(rep, "Task", Map.of("subject", "after uninstall"))).refusal().kind());
    }

    /** A change of the installed bundles. */
    private interface Swap {
        void run() throws Exception;
    }

    /**
     * Hot deploy as FileInstall does it for a jar dropped into {@code load/}: a second bundle with the same
     * symbolic name and a higher version is installed beside the first. The higher version decides whatever the
     * order of installation, the lower is reported as superseded, and takes over again when the higher goes.
     */
    @Test
    void ofTwoBundlesOfOnePolicyTheHighestVersionDecides() throws Exception {
        Caller rep = caller(users, "rep.zz");
        ApiClient api = new ApiClient(runtime, "/api/v1/policies");
        Bundle shipped = context.installBundle("test:zz-shipped", PolicyBundles.bundle("test.policy.zz", "1.0.0",
                PolicyBundles.zzPolicy("1.0.0")));
        Bundle[] dropped = new Bundle[1];
        try {
            shipped.start();
            assertEquals("1.0.0", decisionPoint.activePolicy("ZZ").orElseThrow().version());
            swapUnderLoad(() -> {
                dropped[0] = context.installBundle("test:zz-dropped", PolicyBundles.bundle("test.policy.zz", "2.0.0",
                        PolicyBundles.zzPolicy("2.0.0")));
                dropped[0].start();
            }, rep);
            String status = api.send("GET", "/policies", "compliance.zz", null).body();
            assertTrue(status.contains("\"superseded\":[{\"id\":\"zz-test\",\"version\":\"1.0.0\","
                    + "\"bundle\":\"test.policy.zz/1.0.0\",\"supersededBy\":\"test.policy.zz/2.0.0\"}]"), status);

            // Restarted in the other order (as a restart of the distribution may do): the highest version still wins.
            dropped[0].stop();
            shipped.stop();
            dropped[0].start();
            shipped.start();
            assertEquals("2.0.0", decisionPoint.activePolicy("ZZ").orElseThrow().version());
            assertTrue(audited(rep, "2.0.0"));

            // The higher version goes: the lower takes over at once, nothing is left without a policy.
            dropped[0].uninstall();
            dropped[0] = null;
            assertEquals("1.0.0", decisionPoint.activePolicy("ZZ").orElseThrow().version());
            assertTrue(api.send("GET", "/policies", "compliance.zz", null).body().contains("\"superseded\":[]"));
        } finally {
            if (dropped[0] != null) {
                dropped[0].uninstall();
            }
            shipped.uninstall();
        }
    }

    /** Creates a Task and tells whether the audit trail shows that this policy version decided it. */
    private boolean audited(Caller rep, String version) {
        Instant start = Instant.now().minusSeconds(1);
        String marker = "audited-" + UUID.randomUUID();
        records.create(rep, "Task", Map.of("subject", marker));
        return audit.list(start, 1000).stream().anyMatch(e -> marker.equals(e.event().newValues().get("subject"))
                && version.equals(e.event().policyVersion()));
    }

    /** Two threads create Tasks while the policy is swapped from version 1 to version 2. */
    private void swapUnderLoad(Swap swap, Caller rep) throws Exception {
        String marker = "swap-" + UUID.randomUUID();
        Instant start = Instant.now();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean swapped = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(2);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                int afterSwap = 0;
                running.countDown();
                for (int i = 0; i < 150 && afterSwap < 25; i++) {
                    try {
                        records.create(rep, "Task", Map.of("subject", marker));
                        done.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                    if (swapped.get()) {
                        afterSwap++;
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        running.await();
        swap.run();
        swapped.set(true);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertEquals(List.of(), failures, "operations failed because of the swap");
        assertEquals("2.0.0", decisionPoint.activePolicy("ZZ").orElseThrow().version());

        List<AuditEntry> flagged = audit.list(start, 1000).stream()
                .filter(e -> "zz.test.flag-every-task".equals(e.event().rule()))
                .filter(e -> "FLAG".equals(e.event().outcome())).toList();
        assertEquals(done.get(), flagged.size(), "every operation was decided, and audited with its policy");
        Set<String> versions = flagged.stream().map(e -> e.event().policyVersion()).collect(Collectors.toSet());
        assertTrue(Set.of("1.0.0", "2.0.0").containsAll(versions), versions::toString);
        assertTrue(versions.contains("2.0.0"), "the new version decided after the swap");
    }
}
