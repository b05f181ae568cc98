package org.firewalldoors.host.internal.store;

import java.util.List;
import org.firewalldoors.api.host.Decision;
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

    volatile boolean interceptionRequired = true;

    @Activate
    @Modified
    void configure(HostConfiguration config) {
        interceptionRequired = config.interceptionRequired();
    }

    /**
     * Decides an operation.
     *
     * @return the combined decision of an allowed operation
     * @throws OperationRefusedException if it is refused
     */
    public Decision decide(Operation operation) {
        List<OperationInterceptor> current = interceptors; // read once per operation
        if (current.isEmpty()) {
            if (interceptionRequired && operation.recordType().guarded()) {
                throw refusal("No compliance interceptor is active; " + operation.recordType().name()
                        + " is guarded and the host fails closed (X5).");
            }
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

    private static OperationRefusedException refusal(String message) {
        return new OperationRefusedException(Decision.block(
                new Refusal(RefusalKind.POLICY_UNAVAILABLE, "host.fail-closed", "X5", message, null), null, null));
    }
}
