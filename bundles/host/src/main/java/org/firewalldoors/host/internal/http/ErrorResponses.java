package org.firewalldoors.host.internal.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordNotFoundException;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.StaleRecordException;
import org.firewalldoors.api.http.ApiException;

/** The one place where failures become HTTP errors in the shape of the API contract. */
final class ErrorResponses {

    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    /** Seconds a client should wait before retrying a fail-closed refusal. */
    static final String RETRY_AFTER_SECONDS = "5";

    private ErrorResponses() {
    }

    static void write(HttpServletResponse response, Throwable failure) throws IOException {
        if (failure instanceof ApiException e) {
            write(response, e.status(), e.code(), e.getMessage(), null, null);
        } else if (failure instanceof OperationRefusedException e) {
            refused(response, e.refusal());
        } else if (failure instanceof InvalidRecordException e) {
            write(response, 400, "MALFORMED", e.getMessage(), null, null);
        } else if (failure instanceof RecordNotFoundException e) {
            write(response, 404, "NOT_FOUND", e.getMessage(), null, null);
        } else if (failure instanceof StaleRecordException e) {
            write(response, 409, "CONFLICT", e.getMessage(), null, null);
        } else {
            LOG.log(System.Logger.Level.ERROR, "request failed", failure);
            write(response, 500, "INTERNAL", "internal error", null, null);
        }
    }

    private static void refused(HttpServletResponse response, Refusal r) throws IOException {
        switch (r.kind()) {
            case FORBIDDEN -> write(response, 403, "FORBIDDEN", r.message(), r.ruleId(), r.requirement());
            case DENIED -> write(response, 403, "FIREWALL_DENIED", r.message(), r.ruleId(), r.requirement());
            case CONTENT -> write(response, 422, "CONTENT_REFUSED", r.message(), r.ruleId(), r.requirement());
            // A concealed record is shown exactly as an absent one: no rule, no message of its own.
            case CONCEALED -> write(response, 404, "NOT_FOUND", "not found", null, null);
            case POLICY_UNAVAILABLE -> write(response, 503, "POLICY_UNAVAILABLE", r.message(), r.ruleId(),
                    r.requirement());
            case MODULE_DISABLED -> write(response, 503, "MODULE_DISABLED", r.message(), r.ruleId(), r.requirement());
        }
    }

    /** A 401; with {@code challenge} false, without the Basic challenge (a browser would show a login dialog). */
    static void unauthenticated(HttpServletResponse response, boolean challenge) throws IOException {
        write(response, 401, "UNAUTHENTICATED", "valid credentials are required", null, null, challenge, null);
    }

    /** A 429 for a sign-in delayed after repeated wrong passwords, with {@code Retry-After}. */
    static void delayed(HttpServletResponse response, SignInThrottle.Delayed delayed) throws IOException {
        String seconds = Long.toString(delayed.retryAfterSeconds);
        write(response, 429, "TOO_MANY_ATTEMPTS", "too many wrong passwords; try again in " + seconds + " s", null,
                null, false, seconds);
    }

    static void write(HttpServletResponse response, int status, String code, String message, String rule,
            String requirement) throws IOException {
        write(response, status, code, message, rule, requirement, true, status == 503 ? RETRY_AFTER_SECONDS : null);
    }

    private static void write(HttpServletResponse response, int status, String code, String message, String rule,
            String requirement, boolean challenge, String retryAfter) throws IOException {
        if (response.isCommitted()) {
            LOG.log(System.Logger.Level.WARNING, "response already committed; dropping error {0}: {1}", code, message);
            return;
        }
        response.reset();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("rule", rule);
        error.put("requirement", requirement);
        if (status == 401 && challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"firewalldoors\", charset=\"UTF-8\"");
        } else if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        Json.write(response, status, Map.of("error", error));
    }
}
