package org.firewalldoors.host.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.Verdict;
import org.firewalldoors.host.internal.HostConfiguration;
import org.junit.jupiter.api.Test;

class InterceptorChainTest {

    private static final Principal REP = new Principal("rep.us", BusinessFunction.COMMERCIAL, "REP", "US", null);
    private static final RecordTypeDescriptor GUARDED =
            new RecordTypeDescriptor("CallReport", Map.of(), true, true, Classification.SHARED);
    private static final RecordTypeDescriptor UNGUARDED =
            new RecordTypeDescriptor("Account", Map.of(), false, true, Classification.SHARED);

    private final InterceptorChain chain = new InterceptorChain();

    private static Operation readOf(RecordTypeDescriptor type) {
        return new Operation(Caller.java(REP), Action.READ, type, "r-1", null, Map.of(), List.of(), "US");
    }

    private static OperationInterceptor answering(Decision decision) {
        OperationInterceptor interceptor = mock(OperationInterceptor.class);
        when(interceptor.intercept(any())).thenReturn(decision);
        return interceptor;
    }

    private static Decision redacting(String... fields) {
        return new Decision(Verdict.ALLOW, null, Set.of(fields), List.of(), "policy", "1");
    }

    private static void assertFailsClosed(OperationRefusedException e) {
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, e.refusal().kind());
        assertEquals("X5", e.refusal().requirement());
    }

    @Test
    void withoutInterceptorsAGuardedTypeIsRefusedAsPolicyUnavailable() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> chain.decide(readOf(GUARDED)));
        assertFailsClosed(e);
    }

    @Test
    void withoutInterceptorsAnUnguardedTypeIsAllowed() {
        Decision d = chain.decide(readOf(UNGUARDED));
        assertFalse(d.blocked());
        assertEquals(Set.of(), d.redactedFields());
    }

    @Test
    void whenInterceptionIsNotRequiredAGuardedTypeIsAllowedWithoutInterceptors() {
        HostConfiguration config = mock(HostConfiguration.class);
        when(config.interceptionRequired()).thenReturn(false);
        chain.configure(config);

        assertFalse(chain.decide(readOf(GUARDED)).blocked());
    }

    @Test
    void theOperationIsHandedToTheInterceptor() {
        OperationInterceptor interceptor = answering(Decision.allow());
        chain.interceptors = List.of(interceptor);
        chain.compliance = chain.interceptors.isEmpty() ? List.of() : List.of(chain.interceptors.get(0));
        Operation op = readOf(GUARDED);

        assertFalse(chain.decide(op).blocked());
        verify(interceptor).intercept(op);
    }

    @Test
    void anInterceptorThatThrowsRefusesTheOperation() {
        OperationInterceptor broken = mock(OperationInterceptor.class);
        when(broken.intercept(any())).thenThrow(new IllegalStateException("policy store unreachable"));
        chain.interceptors = List.of(broken);
        chain.compliance = chain.interceptors.isEmpty() ? List.of() : List.of(chain.interceptors.get(0));

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> chain.decide(readOf(UNGUARDED)));
        assertFailsClosed(e);
    }

    @Test
    void anInterceptorThatReturnsNullRefusesTheOperation() {
        chain.interceptors = List.of(answering(null));
        chain.compliance = chain.interceptors.isEmpty() ? List.of() : List.of(chain.interceptors.get(0));

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> chain.decide(readOf(UNGUARDED)));
        assertFailsClosed(e);
    }

    @Test
    void aBlockFromTheSecondInterceptorRefusesWithItsRefusal() {
        Refusal refusal = new Refusal(RefusalKind.DENIED, "no-crossing", "H2", "Medical data stays medical.", null);
        chain.interceptors = List.of(answering(redacting("notes")), answering(Decision.block(refusal, "us", "3")));
        chain.compliance = chain.interceptors.isEmpty() ? List.of() : List.of(chain.interceptors.get(0));

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> chain.decide(readOf(GUARDED)));
        assertEquals(refusal, e.refusal());
        assertEquals("us", e.decision().policyId());
    }

    @Test
    void aBlockFromTheFirstInterceptorIsNotOverriddenByALaterAllow() {
        Refusal refusal = new Refusal(RefusalKind.CONCEALED, "hidden", "F2", "not yours", null);
        OperationInterceptor later = answering(Decision.allow());
        chain.interceptors = List.of(answering(Decision.block(refusal, "us", "3")), later);
        chain.compliance = chain.interceptors.isEmpty() ? List.of() : List.of(chain.interceptors.get(0));

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> chain.decide(readOf(GUARDED)));
        assertEquals(refusal, e.refusal());
        verify(later, never()).intercept(any());
    }

    @Test
    void redactionsOfAllowingInterceptorsAddUp() {
        chain.interceptors = List.of(answering(redacting("notes")), answering(redacting("tier", "objective")));
        chain.compliance = chain.interceptors.isEmpty() ? List.of() : List.of(chain.interceptors.get(0));

        Decision d = chain.decide(readOf(GUARDED));

        assertFalse(d.blocked());
        assertEquals(Set.of("notes", "tier", "objective"), d.redactedFields());
    }
}
