package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.itests.Fixtures.TestInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Records live in the database file, not in memory: they survive a restart of the host. */
@ExtendWith(WithoutCompliance.class)
class PersistenceTest {

    @InjectBundleContext
    BundleContext context;


    @Test
    void recordsSurviveARestartOfTheHostAndItsDatabase() throws Exception {
        String notes = "persisted " + UUID.randomUUID();
        String id;
        try (TestInterceptor allow = TestInterceptor.allowAll(context)) {
            RecordStore records = waitFor(RecordStore.class);
            UserDirectory users = waitFor(UserDirectory.class);
            id = records.create(caller(users, "msl.us"), "CallReport", Map.of("notes", notes)).id();

            Bundle host = Arrays.stream(context.getBundles())
                    .filter(b -> "org.firewalldoors.host".equals(b.getSymbolicName())).findFirst().orElseThrow();
            host.stop();
            host.start();

            RecordStore restarted = waitFor(RecordStore.class);
            CrmRecord read = restarted.read(caller(waitFor(UserDirectory.class), "msl.us"), "CallReport", id)
                    .orElseThrow();
            assertEquals(notes, read.field("notes"));
        }
    }

    private <T> T waitFor(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            assertNotNull(service, type.getSimpleName() + " did not come back");
            return service;
        } finally {
            tracker.close();
        }
    }
}
