package org.firewalldoors.host.internal.http;

import java.util.Map;
import org.firewalldoors.api.http.ApiContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;

/**
 * Tells the person who started the host where the API listens, when the HTTP runtime first comes up and
 * whenever its address changes (the runtime's properties change more often: each servlet registered updates
 * its change count).
 */
@Component
public final class StartupBanner {

    private String last;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRuntime(HttpServiceRuntime runtime, Map<String, Object> properties) {
        print(properties);
    }

    void updatedRuntime(HttpServiceRuntime runtime, Map<String, Object> properties) {
        print(properties);
    }

    void removeRuntime(HttpServiceRuntime runtime) {
        // nothing to tell
    }

    private synchronized void print(Map<String, Object> properties) {
        Object endpoints = properties.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        String first = endpoints instanceof String[] a && a.length > 0 ? a[0]
                : endpoints instanceof java.util.Collection<?> c && !c.isEmpty() ? String.valueOf(c.iterator().next())
                : String.valueOf(endpoints);
        if (first.endsWith("/")) {
            first = first.substring(0, first.length() - 1);
        }
        if (first.equals(last)) {
            return;
        }
        last = first;
        System.out.println("Firewall with Doors API listening at " + first + ApiContext.BASE_PATH
                + "  (health: " + first + ApiContext.BASE_PATH + "/health)");
    }
}
