package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.UUID;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** With interception required (the default) and no interceptor registered, guarded operations are refused. */
@ExtendWith(WithoutCompliance.class)
class FailClosedTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;

    @Test
    void guardedOperationsAreRefusedWithoutAnInterceptor() throws Exception {
        assertEquals(0, context.getServiceReferences(OperationInterceptor.class, null).size(),
                "this test needs a framework without interceptors");
        Caller msl = caller(users, "msl.us");
        String notes = "unchecked " + UUID.randomUUID();
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> records.create(msl, "CallReport", Map.of("notes", notes)));
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, e.refusal().kind());
        assertEquals("X5", e.refusal().requirement());
        assertThrows(OperationRefusedException.class, () -> records.query(msl, "CallReport", Map.of()));

        // The shared account list is not guarded: it stays usable.
        CrmRecord account = records.create(msl, "Account", Map.of("name", "St. Elsewhere", "kind", "HEALTH_SYSTEM"));
        assertEquals("St. Elsewhere", records.read(msl, "Account", account.id()).orElseThrow().field("name"));
    }
}
