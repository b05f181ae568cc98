package org.firewalldoors.host.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordNotFoundException;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.StaleRecordException;
import org.firewalldoors.api.http.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorResponsesTest {

    private final StringWriter body = new StringWriter();
    private HttpServletResponse response;

    @BeforeEach
    void setUp() throws IOException {
        response = mock(HttpServletResponse.class);
        when(response.getWriter()).thenReturn(new PrintWriter(body, true));
    }

    private static OperationRefusedException refused(RefusalKind kind) {
        return new OperationRefusedException(Decision.block(
                new Refusal(kind, "rule-42", "H2", "Medical objectives are not shown to commercial roles.", null),
                "us", "7"));
    }

    /** Writes the failure and checks the status; returns the {@code error} object of the body. */
    private JsonObject write(Throwable failure, int expectedStatus) throws IOException {
        ErrorResponses.write(response, failure);
        verify(response).setStatus(expectedStatus);
        verify(response).setContentType(Json.CONTENT_TYPE);
        JsonObject doc = JsonParser.parseString(body.toString()).getAsJsonObject();
        assertEquals(1, doc.size(), body.toString());
        return doc.getAsJsonObject("error");
    }

    private static void assertError(JsonObject error, String code, String message, String rule, String requirement) {
        assertEquals(code, error.get("code").getAsString());
        assertEquals(message, error.get("message").getAsString());
        assertEquals(rule, error.get("rule").isJsonNull() ? null : error.get("rule").getAsString());
        assertEquals(requirement,
                error.get("requirement").isJsonNull() ? null : error.get("requirement").getAsString());
    }

    @Test
    void anApiExceptionKeepsItsStatusCodeAndMessage() throws IOException {
        JsonObject error = write(ApiException.conflict("already shared"), 409);
        assertError(error, "CONFLICT", "already shared", null, null);
    }

    @ParameterizedTest
    @CsvSource({
        "FORBIDDEN, 403, FORBIDDEN",
        "DENIED, 403, FIREWALL_DENIED",
        "CONTENT, 422, CONTENT_REFUSED",
        "POLICY_UNAVAILABLE, 503, POLICY_UNAVAILABLE",
        "MODULE_DISABLED, 503, MODULE_DISABLED"
    })
    void aRefusalShowsItsMessageRuleAndRequirement(RefusalKind kind, int status, String code) throws IOException {
        JsonObject error = write(refused(kind), status);
        assertError(error, code, "Medical objectives are not shown to commercial roles.", "rule-42", "H2");
    }

    @Test
    void aConcealedRecordLooksExactlyLikeAnAbsentOne() throws IOException {
        JsonObject error = write(refused(RefusalKind.CONCEALED), 404);

        assertError(error, "NOT_FOUND", "not found", null, null);
        assertFalse(body.toString().contains("Medical"), body.toString());
        assertFalse(body.toString().contains("rule-42"), body.toString());
        assertFalse(body.toString().contains("H2"), body.toString());
    }

    @Test
    void aFailClosedRefusalAsksTheClientToRetryLater() throws IOException {
        write(refused(RefusalKind.POLICY_UNAVAILABLE), 503);
        verify(response).setHeader(eq("Retry-After"), eq(ErrorResponses.RETRY_AFTER_SECONDS));
    }

    @Test
    void otherRefusalsDoNotAskForARetry() throws IOException {
        write(refused(RefusalKind.DENIED), 403);
        verify(response, never()).setHeader(eq("Retry-After"), anyString());
    }

    @Test
    void invalidInputIsMalformed() throws IOException {
        JsonObject error = write(new InvalidRecordException("field 'tier' must be a string"), 400);
        assertError(error, "MALFORMED", "field 'tier' must be a string", null, null);
    }

    @Test
    void aMissingRecordIsNotFound() throws IOException {
        JsonObject error = write(RecordNotFoundException.record("Account", "a-1"), 404);
        assertError(error, "NOT_FOUND", "Account a-1 not found", null, null);
    }

    @Test
    void aStaleVersionIsAConflict() throws IOException {
        JsonObject error = write(new StaleRecordException("Account a-1 is at version 3, not 2"), 409);
        assertError(error, "CONFLICT", "Account a-1 is at version 3, not 2", null, null);
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorThatRevealsNothing() throws IOException {
        JsonObject error = write(new IllegalStateException("jdbc:h2:file:/srv/crm password=hunter2"), 500);

        assertEquals("INTERNAL", error.get("code").getAsString());
        assertFalse(body.toString().contains("hunter2"), body.toString());
        assertFalse(body.toString().contains("jdbc"), body.toString());
        assertFalse(body.toString().contains("IllegalStateException"), body.toString());
    }

    @Test
    void aCommittedResponseIsLeftAlone() throws IOException {
        when(response.isCommitted()).thenReturn(true);

        ErrorResponses.write(response, ApiException.notFound("gone"));

        verify(response, never()).setStatus(anyInt());
        verify(response, never()).reset();
        assertTrue(body.toString().isEmpty());
    }
}
