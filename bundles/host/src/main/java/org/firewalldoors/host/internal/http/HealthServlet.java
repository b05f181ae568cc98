package org.firewalldoors.host.internal.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.firewalldoors.host.internal.store.InterceptorChain;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.http.ApiContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /health}: answers without credentials, and tells nothing that needs them. {@code UP} only once the
 * framework has started every bundle it starts with: the compliance interceptor can be registered before the
 * policy bundles have started and their policies are compiled, and until then the status is {@code STARTING}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern(ApiServletContext.HEALTH)
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    transient RecordStore records;

    @Reference
    transient InterceptorChain chain;

    /** The system bundle: ACTIVE once the framework has started the bundles of its start level. */
    transient Bundle framework;

    @Activate
    void activate(BundleContext context) {
        framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> modules = new TreeMap<>();
        modules.put("host", "UP");
        // UP only with the compliance decision itself; another interceptor alone checks nothing of the firewall.
        boolean compliance = chain.complianceActive();
        modules.put("interception", compliance ? "UP" : chain.anyInterceptor() ? "NO_COMPLIANCE" : "NONE");
        modules.put("interceptionRequired", chain.interceptionRequired());
        modules.put("recordTypes", records.recordTypes().stream().map(RecordTypeDescriptor::name).sorted().toList());
        // Without the compliance decision guarded operations are refused (fail closed), or, with
        // interceptionRequired=false, pass unchecked: neither is UP. With it, not UP either while bundles
        // (policy bundles among them) are still being started.
        String status = !compliance ? chain.interceptionRequired() ? "FAIL_CLOSED" : "UNPROTECTED"
                : started() ? "UP" : "STARTING";
        Json.write(resp, 200, Map.of("status", status, "modules", modules));
    }

    private boolean started() {
        Bundle f = framework;
        return f == null || f.getState() == Bundle.ACTIVE;
    }
}
