package org.firewalldoors.itests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Function;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.UserDirectory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Helpers shared by the in-Felix tests. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * Runs a check of the host's own contract with the compliance bundle stopped (so that only the test's
     * interceptors decide), and starts it again afterwards.
     */
    static void withoutCompliance(BundleContext context, ThrowingRunnable check) throws Exception {
        Bundle compliance = complianceBundle(context);
        compliance.stop();
        try {
            check.run();
        } finally {
            compliance.start();
        }
    }

    static Bundle complianceBundle(BundleContext context) {
        return Arrays.stream(context.getBundles())
                .filter(b -> "org.firewalldoors.compliance".equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no compliance bundle"));
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static Caller caller(UserDirectory users, String id) {
        return Caller.java(users.find(id).orElseThrow(() -> new AssertionError("no user " + id)));
    }

    /** An interceptor registered by a test: records what it sees and answers with the given function. */
    static final class TestInterceptor implements OperationInterceptor, AutoCloseable {
        final List<Operation> seen = new ArrayList<>();
        private final Function<Operation, Decision> answer;
        private final ServiceRegistration<OperationInterceptor> registration;

        TestInterceptor(BundleContext context, Function<Operation, Decision> answer) {
            this.answer = answer;
            // It stands in for the compliance decision: the host fails closed without one (X5).
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("org.firewalldoors.decision", "compliance");
            this.registration = context.registerService(OperationInterceptor.class, this, props);
        }

        static TestInterceptor allowAll(BundleContext context) {
            return new TestInterceptor(context, op -> Decision.allow());
        }

        @Override
        public synchronized Decision intercept(Operation operation) {
            seen.add(operation);
            return answer.apply(operation);
        }

        synchronized List<Operation> seen() {
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            registration.unregister();
        }
    }
}
