package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** Regions and modules administered over HTTP and the shell, through Configuration Admin, without restart. */
class AdminTest {

    @InjectBundleContext
    BundleContext context;
    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService
    ConfigurationAdmin configAdmin;
    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(runtime, "/api/v1/admin/regions");
    }

    @AfterEach
    void removeRegionConfigurations() throws Exception {
        Configuration[] configs = configAdmin.listConfigurations("(service.factoryPid=org.firewalldoors.region)");
        if (configs != null) {
            for (Configuration c : configs) {
                c.delete();
            }
        }
        await(() -> decisionPoint.moduleEnabled("US", "handoff"));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the configuration change never took effect");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void adminsConfigureRegionsOverHttpAndChangesApplyWithoutRestart() throws Exception {
        assertEquals(403, api.send("GET", "/admin/regions", "rep.us", null).statusCode());
        assertEquals(403, api.send("PUT", "/admin/regions/US", "compliance.us",
                "{\"modules\":[\"compliance\"],\"policy\":\"us\"}").statusCode());

        HttpResponse<String> put = api.send("PUT", "/admin/regions/US", "admin",
                "{\"modules\":[\"compliance\",\"handoff\"],\"policy\":\"us\"}");
        assertEquals(200, put.statusCode(), put.body());
        await(() -> !decisionPoint.moduleEnabled("US", "kol-export"));
        assertTrue(decisionPoint.moduleEnabled("US", "handoff"));
        assertTrue(decisionPoint.moduleEnabled("EU", "kol-export"), "other regions are untouched");
        HttpResponse<String> get = api.send("GET", "/admin/regions", "admin", null);
        assertTrue(get.body().contains("\"US\":{\"modules\":[\"compliance\",\"handoff\"],\"policy\":\"us\""), get.body());

        // Refusals with a clear message.
        HttpResponse<String> noCompliance = api.send("PUT", "/admin/regions/US", "admin",
                "{\"modules\":[\"handoff\"],\"policy\":\"us\"}");
        assertEquals(409, noCompliance.statusCode());
        assertTrue(noCompliance.body().contains("need the compliance module"), noCompliance.body());
        HttpResponse<String> noPolicy = api.send("PUT", "/admin/regions/US", "admin",
                "{\"modules\":[\"compliance\",\"kol-export\"],\"policy\":\"nope\"}");
        assertEquals(409, noPolicy.statusCode());
        assertTrue(noPolicy.body().contains("policy 'nope' is not active"), noPolicy.body());
        assertEquals(400, api.send("PUT", "/admin/regions/US", "admin",
                "{\"modules\":[\"teleport\"],\"policy\":\"us\"}").statusCode());
        assertEquals(400, api.send("PUT", "/admin/regions/US", "admin",
                "{\"modules\":[\"compliance\"],\"policy\":\"us\",\"extra\":1}").statusCode());

        // Switching compliance off in a region refuses its guarded operations there, and nowhere else.
        assertEquals(200, api.send("PUT", "/admin/regions/US", "admin", "{\"modules\":[],\"policy\":\"us\"}").statusCode());
        await(() -> !decisionPoint.moduleEnabled("US", "compliance"));
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> records.create(caller(users, "msl.us"), "CallReport", Map.of("notes", "x")));
        assertEquals(RefusalKind.MODULE_DISABLED, e.refusal().kind());
    }

    @Test
    void theShellListsRegionsSwitchesModulesAndVerifiesTheAudit() throws Exception {
        Object shell = shellCommands();
        assertEquals(200, api.send("PUT", "/admin/regions/US", "admin",
                "{\"modules\":[\"compliance\",\"handoff\",\"kol-export\"],\"policy\":\"us\"}").statusCode());
        await(() -> decisionPoint.moduleEnabled("US", "kol-export")
                && String.valueOf(invoke(shell, "regions")).contains("US"));
        assertTrue(String.valueOf(invoke(shell, "regions")).contains("modules compliance,handoff,kol-export"));
        assertTrue(String.valueOf(invoke(shell, "disable", "US", "kol-export")).contains("compliance,handoff"));
        await(() -> !decisionPoint.moduleEnabled("US", "kol-export"));
        assertTrue(String.valueOf(invoke(shell, "disable", "US", "compliance")).startsWith("Refused:"));
        assertTrue(String.valueOf(invoke(shell, "policies")).contains("us "));
        assertTrue(String.valueOf(invoke(shell, "verify")).startsWith("Audit trail intact"));
        assertTrue(String.valueOf(invoke(shell, "escalations", "US")).length() > 0);
    }

    @Test
    void everyShellCommandAnswersSomethingUsefulAndRefusesClearly() throws Exception {
        Object shell = shellCommands();
        // Escalations: an A3 refusal is listed with its rule, per region and for all regions.
        assertThrows(OperationRefusedException.class, () -> records.create(caller(users, "rep.us"), "Task",
                Map.of("subject", "visit Dr Lee", "assignee", "msl.us")));
        String us = String.valueOf(invoke(shell, "escalations", "us"));
        assertTrue(us.matches("(?s)\\d+ open escalations? in US:.*us\\.a3\\.commercial-assigns-msl-task.*by rep\\.us.*"), us);
        assertTrue(String.valueOf(invoke(shell, "escalations")).contains("us.a3.commercial-assigns-msl-task"));
        assertEquals("No open escalation in XX.", invoke(shell, "escalations", "xx"));

        // Policy status: a refused document is listed with why.
        org.osgi.framework.Bundle broken = context.installBundle("test:broken-policy",
                PolicyBundles.bundle("test.policy.broken", "1.0.0", "{\"id\": \"broken\", \"rules\": ["));
        try {
            broken.start();
            String policies = String.valueOf(invoke(shell, "policies"));
            assertTrue(policies.startsWith("Active policies:"), policies);
            assertTrue(policies.matches("(?s).*\\n  us +v1\\.0\\.0 +region US .*"), policies);
            assertTrue(policies.matches("(?s).*\\nRefused test\\.policy\\.broken/1\\.0\\.0 policy/test\\.json at \\S+: \\S.*"),
                    policies);
        } finally {
            broken.uninstall();
        }
        assertTrue(String.valueOf(invoke(shell, "verify")).matches("Audit trail intact: \\d+ entries\\."));

        // Regions: a region whose policy is not active says so; bad input is refused with the reason.
        assertEquals(200, api.send("PUT", "/admin/regions/US", "admin",
                "{\"modules\":[\"compliance\"],\"policy\":\"nope\"}").statusCode());
        await(() -> String.valueOf(invoke(shell, "regions")).contains("nope"));
        assertTrue(String.valueOf(invoke(shell, "regions"))
                .matches("(?s).*US +policy nope +\\(NOT ACTIVE\\) +modules compliance.*"), invoke(shell, "regions")::toString);
        assertEquals("Refused: no region XX; configure it first", invoke(shell, "enable", "XX", "handoff"));
        assertTrue(String.valueOf(invoke(shell, "enable", "US", "teleport")).startsWith("Refused: unknown module 'teleport'"));
        assertTrue(String.valueOf(invoke(shell, "enable", "US", "handoff"))
                .startsWith("Refused: policy 'nope' is not active"));
        assertTrue(String.valueOf(invoke(shell, "disable", "US", "compliance")).equals("Region US modules: (none)"),
                "switching compliance off is allowed: the region then refuses its guarded operations");
    }

    /** An education event as Medical Affairs designs it (door 4). */
    private static Map<String, Object> event(String attendee) {
        return Map.of("title", "Update on diuretic resistance", "eventType", "SYMPOSIUM",
                "topic", "Diuretic resistance " + java.util.UUID.randomUUID(), "startsAt", "2027-02-01",
                "objective", "Review the evidence on diuretic resistance in heart failure",
                "educationalNeed", "Survey: 60% of attendees unsure of the 2026 guideline on diuretic dosing",
                "content", java.util.List.of("Guideline review"),
                "sessions", java.util.List.of(Map.of("kind", "SCIENTIFIC", "attendees", java.util.List.of(attendee))));
    }

    @Test
    void aDisabledEventsModuleRefusesEducationEventsInThatRegionAndNowhereElse() throws Exception {
        var msl = caller(users, "msl.us");
        var stored = records.create(msl, "MedicalEducationEvent", event("msl.us"));
        assertEquals(200, api.send("PUT", "/admin/regions/US", "admin",
                "{\"modules\":[\"compliance\",\"handoff\",\"kol-export\"],\"policy\":\"us\"}").statusCode());
        await(() -> !decisionPoint.moduleEnabled("US", "events"));

        // Every operation on the region's events is refused: writes and reads, Java and HTTP alike.
        OperationRefusedException create = assertThrows(OperationRefusedException.class,
                () -> records.create(msl, "MedicalEducationEvent", event("msl.us")));
        assertEquals(RefusalKind.MODULE_DISABLED, create.refusal().kind());
        assertEquals("events.module-disabled", create.refusal().ruleId());
        assertEquals(RefusalKind.MODULE_DISABLED, assertThrows(OperationRefusedException.class,
                () -> records.read(msl, "MedicalEducationEvent", stored.id())).refusal().kind());
        assertEquals(RefusalKind.MODULE_DISABLED, assertThrows(OperationRefusedException.class,
                () -> records.update(msl, "MedicalEducationEvent", stored.id(), Map.of("title", "Renamed"), 0))
                .refusal().kind());
        HttpResponse<String> post = api.send("POST", "/records/MedicalEducationEvent", "msl.us",
                new com.google.gson.Gson().toJson(event("msl.us")));
        assertEquals(503, post.statusCode(), post.body());
        assertTrue(post.body().contains("MODULE_DISABLED"), post.body());

        // The rest of the region works, and so do other regions' events.
        records.create(msl, "CallReport", Map.of("hcpId", "hcp-events-off", "notes", "still allowed"));
        var euEvent = records.create(caller(users, "msl.eu"), "MedicalEducationEvent", event("msl.eu"));
        assertEquals("EU", euEvent.region());

        // Switched on again from the shell: the same event is served again.
        assertTrue(String.valueOf(invoke(shellCommands(), "enable", "US", "events")).contains("events"));
        await(() -> decisionPoint.moduleEnabled("US", "events"));
        assertTrue(records.read(msl, "MedicalEducationEvent", stored.id()).isPresent());
    }

    private Object shellCommands() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(osgi.command.scope=firewall)");
        assertTrue(refs != null && refs.length > 0, "no firewall shell commands");
        return context.getService(refs[0]);
    }

    private static Object invoke(Object target, String name, String... args) {
        try {
            Class<?>[] types = new Class<?>[args.length];
            java.util.Arrays.fill(types, String.class);
            return target.getClass().getMethod(name, types).invoke(target, (Object[]) args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
