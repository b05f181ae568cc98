package org.firewalldoors.compliance.internal.decide;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import javax.sql.DataSource;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.compliance.internal.audit.JdbcAuditTrail;
import org.firewalldoors.compliance.internal.oversight.JdbcEscalations;
import org.firewalldoors.compliance.internal.oversight.ReviewQueue;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * Wires the compliance interceptor as Felix SCR wires it in the distribution (interceptor, decision
 * point, policy registry, audit trail, review queue, escalations on the host's database), outside a
 * framework, for the benchmarks. It lives in the bundle's (unexported) package to reach the
 * package-private references that SCR sets; the compliance bundle itself is not changed.
 */
public final class BenchmarkCompliance {

    private BenchmarkCompliance() {
    }

    /**
     * @param dataSource the host's database
     * @param users      the host's user directory
     * @param document   the class path resource of the policy document, as a policy bundle's header names it
     * @return the interceptor the host calls, with the policy loaded by the extender's own code
     */
    public static OperationInterceptor interceptor(DataSource dataSource, UserDirectory users, String document) {
        org.firewalldoors.compliance.internal.events.EventLedger events =
                new org.firewalldoors.compliance.internal.events.EventLedger(dataSource);
        ComplianceInterceptor interceptor = new ComplianceInterceptor();
        interceptor.decisionPoint = decisionPoint(events, users, document);
        interceptor.audit = new JdbcAuditTrail(dataSource);
        interceptor.reviews = new ReviewQueue(dataSource);
        interceptor.escalations = new JdbcEscalations(dataSource, users);
        interceptor.users = users;
        interceptor.events = events;
        return interceptor;
    }

    /**
     * @param dataSource the host's database (the event ledger's)
     * @param users      the host's user directory
     * @param document   the class path resource of the policy document, as a policy bundle's header names it
     * @return the decision point, with the policy loaded by the extender's own code
     */
    public static DecisionPoint decisionPoint(DataSource dataSource, UserDirectory users, String document) {
        return decisionPoint(new org.firewalldoors.compliance.internal.events.EventLedger(dataSource), users, document);
    }

    private static ComplianceDecisionPoint decisionPoint(
            org.firewalldoors.compliance.internal.events.EventLedger events, UserDirectory users, String document) {
        PolicyRegistry registry = new PolicyRegistry();
        List<String> loaded = registry.load(policyBundle(document));
        if (loaded == null || loaded.isEmpty()) {
            throw new IllegalStateException("policy " + document + " refused: " + registry.refused());
        }
        ComplianceDecisionPoint point = new ComplianceDecisionPoint(users, events);
        point.registry = registry;
        return point;
    }

    /** @return the audit trail on the host's database, as the distribution wires it */
    public static AuditTrail auditTrail(DataSource dataSource) {
        return new JdbcAuditTrail(dataSource);
    }

    /** A policy bundle as the extender sees it: its header, its entries, its name and id. */
    private static Bundle policyBundle(String document) {
        ClassLoader loader = BenchmarkCompliance.class.getClassLoader();
        Dictionary<String, String> headers = new Hashtable<>();
        headers.put(PolicyRegistry.HEADER, document);
        return (Bundle) Proxy.newProxyInstance(loader, new Class<?>[] {Bundle.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getHeaders":
                    return headers;
                case "getEntry":
                    URL url = loader.getResource((String) args[0]);
                    return url;
                case "getSymbolicName":
                    return "org.firewalldoors.policy-us";
                case "getVersion":
                    return new Version(1, 0, 0);
                case "getBundleId":
                    return 1L;
                case "getState":
                    return Bundle.ACTIVE;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "policy bundle " + document;
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        });
    }
}
