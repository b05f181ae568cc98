package org.firewalldoors.host.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.host.internal.store.InterceptorChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class HealthServletTest {

    private final HealthServlet servlet = new HealthServlet();
    private final Bundle framework = mock(Bundle.class);

    @BeforeEach
    void setUp() {
        servlet.records = mock(RecordStore.class);
        when(servlet.records.recordTypes()).thenReturn(List.of());
        servlet.chain = mock(InterceptorChain.class);
        when(servlet.chain.interceptionRequired()).thenReturn(true);
        servlet.framework = framework;
    }

    private JsonObject health() throws IOException {
        StringWriter body = new StringWriter();
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getWriter()).thenReturn(new PrintWriter(body, true));
        servlet.doGet(mock(HttpServletRequest.class), response);
        return JsonParser.parseString(body.toString()).getAsJsonObject();
    }

    @Test
    void upOnceTheComplianceDecisionIsThereAndTheFrameworkHasStarted() throws IOException {
        when(servlet.chain.complianceActive()).thenReturn(true);
        when(framework.getState()).thenReturn(Bundle.ACTIVE);
        JsonObject h = health();
        assertEquals("UP", h.get("status").getAsString());
        assertEquals("UP", h.getAsJsonObject("modules").get("interception").getAsString());
    }

    @Test
    void notUpWhileTheFrameworkIsStillStartingBundlesSuchAsPolicyBundles() throws IOException {
        when(servlet.chain.complianceActive()).thenReturn(true);
        when(framework.getState()).thenReturn(Bundle.STARTING);
        JsonObject h = health();
        assertEquals("STARTING", h.get("status").getAsString());
        assertEquals("UP", h.getAsJsonObject("modules").get("interception").getAsString());
    }

    @Test
    void failClosedWithoutTheComplianceDecisionWhateverTheFrameworkDoes() throws IOException {
        when(servlet.chain.complianceActive()).thenReturn(false);
        when(framework.getState()).thenReturn(Bundle.ACTIVE);
        assertEquals("FAIL_CLOSED", health().get("status").getAsString());
        when(framework.getState()).thenReturn(Bundle.STARTING);
        assertEquals("FAIL_CLOSED", health().get("status").getAsString());
    }
}
