package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Fail closed under faults (X5): in each fault, every guarded operation of every kind is refused - none allowed.
 */
class FaultInjectionTest {

    @InjectBundleContext
    BundleContext context;
    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;
    @InjectService
    ConfigurationAdmin configAdmin;

    private int attempted;

    /** The decision point now: the compliance bundle is restarted during the test, replacing the service. */
    private DecisionPoint current() throws InterruptedException {
        org.osgi.util.tracker.ServiceTracker<DecisionPoint, DecisionPoint> tracker =
                new org.osgi.util.tracker.ServiceTracker<>(context, DecisionPoint.class, null);
        tracker.open();
        try {
            return tracker.waitForService(30_000);
        } finally {
            tracker.close();
        }
    }

    /** Tries a write, a read, a query, an update and an export; returns how many went through. */
    private int allowedOperations(String existingId) {
        Caller msl = caller(users, "msl.us");
        List<Runnable> ops = List.of(
                () -> records.create(msl, "CallReport", Map.of("notes", "fault " + UUID.randomUUID())),
                () -> records.read(msl, "CallReport", existingId).orElseThrow(),
                () -> records.query(msl, "CallReport", Map.of()),
                () -> records.update(msl, "CallReport", existingId, Map.of("notes", "changed"), 0),
                () -> records.export(msl, "CallReport", Map.of()),
                () -> records.share(msl, "CallReport", existingId, "msl2.us"),
                () -> records.delete(msl, "CallReport", existingId));
        int allowed = 0;
        for (int i = 0; i < ops.size(); i++) {
            attempted++;
            try {
                ops.get(i).run();
                allowed++;
                System.out.println("fail-closed: operation " + i + " went through");
            } catch (OperationRefusedException expected) {
                // refused, as it must be
            }
        }
        return allowed;
    }

    @Test
    void noGuardedOperationGoesThroughUnderAnyFault() throws Exception {
        String id = records.create(caller(users, "msl.us"), "CallReport", Map.of("notes", "anchor")).id();
        int allowed = 0;

        // 1. The decision point throws.
        ServiceRegistration<OperationInterceptor> thrower = context.registerService(OperationInterceptor.class, op -> {
            throw new IllegalStateException("injected fault");
        }, new Hashtable<>());
        allowed += allowedOperations(id);
        thrower.unregister();

        // 2. An interceptor answers nothing.
        ServiceRegistration<OperationInterceptor> silent = context.registerService(OperationInterceptor.class,
                op -> null, new Hashtable<>());
        allowed += allowedOperations(id);
        silent.unregister();

        // 3. The compliance interceptor is gone (its bundle stopped).
        Bundle compliance = Fixtures.complianceBundle(context);
        compliance.stop();
        try {
            allowed += allowedOperations(id);
        } finally {
            compliance.start();
        }

        // 4. The region runs a policy that is not installed.
        Configuration region = configAdmin.getFactoryConfiguration("org.firewalldoors.region", "fault", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("code", "US");
        props.put("modules", new String[] { "compliance" });
        props.put("policy", "not-installed");
        region.update(props);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (current().activePolicy("US").isPresent() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            allowed += allowedOperations(id);
        } finally {
            region.delete();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (current().activePolicy("US").isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        System.out.printf("fail-closed: 4 faults, %d guarded operations attempted, %d allowed%n", attempted, allowed);
        assertEquals(0, allowed);
        assertEquals("anchor", records.read(caller(users, "msl.us"), "CallReport", id).orElseThrow().field("notes"));
    }
}
