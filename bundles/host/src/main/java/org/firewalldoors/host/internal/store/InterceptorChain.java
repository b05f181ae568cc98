package org.firewalldoors.host.internal.store;

import java.util.List;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.ListOutcome;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.host.internal.HostConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Hands every operation to the registered interceptors (whiteboard) and
 * combines their decisions; fails closed when interception is required and no
 * interceptor is there, or when an interceptor fails.
 */
@Component(service = InterceptorChain.class, configurationPid = HostConfiguration.PID)
public final class InterceptorChain {

    private static final System.Logger LOG = System.getLogger(InterceptorChain.class.getName());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<OperationInterceptor> interceptors = List.of();

    /**
     * The interceptors that give the compliance decision itself (service property
     * {@value #DECISION_PROPERTY}={@value #COMPLIANCE}); another interceptor alone does not make a guarded
     * operation checked. The filter can be changed with the configuration property {@code compliance.target}.
     */
    @Reference(name = "compliance", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + DECISION_PROPERTY + "=" + COMPLIANCE + ")")
    volatile List<OperationInterceptor> compliance = List.of();

    /** The service property that names what an interceptor decides. */
    public static final String DECISION_PROPERTY = "org.firewalldoors.decision";
    /** Its value on the compliance bundle's interceptor. */
    public static final String COMPLIANCE = "compliance";

    volatile boolean interceptionRequired = true;

    @Activate
    @Modified
    void configure(HostConfiguration config) {
        interceptionRequired = config.interceptionRequired();
        if (!interceptionRequired) {
            LOG.log(System.Logger.Level.WARNING, "interceptionRequired=false: guarded operations pass unchecked "
                    + "while the compliance interceptor is absent (X5 is off)");
        }
    }

    /**
     * Decides an operation.
     *
     * @return the combined decision of an allowed operation
     * @throws OperationRefusedException if it is refused
     */
    public Decision decide(Operation operation) {
        List<OperationInterceptor> current = interceptors; // read once per operation
        if (interceptionRequired && operation.recordType().guarded() && !complianceIn(current)) {
            throw refusal("No compliance interceptor is active; " + operation.recordType().name()
                    + " is guarded and the host fails closed (X5).");
        }
        if (current.isEmpty()) {
            return Decision.allow();
        }
        Decision combined = Decision.allow();
        for (OperationInterceptor interceptor : current) {
            Decision d;
            try {
                d = interceptor.intercept(operation);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "interceptor " + interceptor + " failed; refusing the operation", e);
                throw refusal("The compliance check failed; the operation was refused (X5).");
            }
            if (d == null) {
                throw refusal("An interceptor gave no decision; the operation was refused (X5).");
            }
            combined = combined.and(d);
            if (combined.blocked()) {
                throw new OperationRefusedException(combined);
            }
        }
        return combined;
    }

    /**
     * Tells every interceptor what the decisions of one query or export came to.
     *
     * @throws OperationRefusedException if an interceptor cannot record it (what cannot be audited is refused)
     */
    public void listed(Operation collection, ListOutcome outcome) {
        for (OperationInterceptor interceptor : interceptors) {
            try {
                interceptor.listed(collection, outcome);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "interceptor " + interceptor + " failed to record a list", e);
                throw refusal("The compliance record of this list failed; the list was refused (X5).");
            }
        }
    }

    /**
     * Tells every interceptor that an allowed write is applied; called inside the write's transaction.
     *
     * @throws OperationRefusedException if an interceptor cannot record it or refuses it now, so that the write
     *         rolls back
     */
    public void applied(Operation operation, Decision decision, long version) {
        for (OperationInterceptor interceptor : interceptors) {
            try {
                interceptor.applied(operation, decision, version);
            } catch (OperationRefusedException e) {
                throw e; // decided again when it was applied, and refused (X8: the last place taken meanwhile)
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "interceptor " + interceptor + " failed to record a write", e);
                throw refusal("The compliance record of this write failed; nothing was stored (X2, X5).");
            }
        }
    }

    /** @return whether the compliance decision is among the given interceptors */
    private boolean complianceIn(List<OperationInterceptor> current) {
        List<OperationInterceptor> required = compliance;
        return required.stream().anyMatch(r -> current.stream().anyMatch(i -> i == r));
    }

    /** @return whether guarded operations are decided by the compliance interceptor now */
    public boolean complianceActive() {
        return complianceIn(interceptors);
    }

    /** @return whether any interceptor is registered */
    public boolean anyInterceptor() {
        return !interceptors.isEmpty();
    }

    /** @return whether guarded operations are refused without the compliance decision (configuration) */
    public boolean interceptionRequired() {
        return interceptionRequired;
    }

    private static OperationRefusedException refusal(String message) {
        return new OperationRefusedException(Decision.block(
                new Refusal(RefusalKind.POLICY_UNAVAILABLE, "host.fail-closed", "X5", message, null), null, null));
    }
}
