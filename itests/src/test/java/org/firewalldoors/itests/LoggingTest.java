package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * One logging setup: SLF4J (Jetty's logging) is bound to java.util.logging, where our System.Logger lines go, and never
 * falls back to NOP; refusals are logged at INFO with their rule id and without record content.
 */
class LoggingTest {

    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    /** Collects what reaches the java.util.logging logger {@code name} while {@code action} runs. */
    private static List<LogRecord> capture(String name, ThrowingRunnable action) throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(name);
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void slf4jIsBoundToJavaUtilLoggingNotToNop() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        assertEquals("org.slf4j.jul.JDK14LoggerFactory", factory.getClass().getName(),
                "SLF4J is bound to " + factory.getClass().getName());
    }

    @Test
    void slf4jLinesReachJavaUtilLogging() throws Exception {
        List<LogRecord> records = capture("org.eclipse.jetty.itest",
                () -> LoggerFactory.getLogger("org.eclipse.jetty.itest").info("probe {}", 42));
        assertEquals(1, records.size());
        assertEquals(Level.INFO, records.get(0).getLevel());
        assertEquals("probe 42", new SimpleFormatter().formatMessage(records.get(0)));
    }

    @Test
    void aRefusalIsLoggedAtInfoWithItsRuleAndWithoutTheRecordContent() throws Exception {
        String question = "Logged? She is a top decile prescriber: is it safe in CKD?";
        String inquiry = "{\"hcpId\":\"hcp-log\",\"hcpContact\":{\"email\":\"dr@example.org\"},\"category\":\"OFF_LABEL_USE\","
                + "\"question\":\"" + question + "\",\"product\":\"Cardiozan\","
                + "\"preferredContact\":{\"channel\":\"EMAIL\",\"window\":\"mornings\"},\"unsolicited\":true}";
        ApiClient api = new ApiClient(runtime, "/api/v1/handoffs");
        List<LogRecord> records = capture("org.firewalldoors",
                () -> assertEquals(422, api.send("POST", "/handoffs", "rep.us", inquiry).statusCode()));

        SimpleFormatter formatter = new SimpleFormatter();
        List<String> refusals = records.stream().filter(r -> r.getLevel() == Level.INFO).map(formatter::formatMessage)
                .filter(m -> m.startsWith("refused ")).collect(Collectors.toList());
        assertEquals(1, refusals.size(), "INFO refusal lines: " + refusals);
        assertTrue(refusals.get(0).matches("refused CREATE ScientificInquiry .* rule us\\.h2\\.[a-z-]+ \\(H2\\).*"),
                refusals.get(0));
        for (LogRecord r : records) {
            assertFalse(formatter.format(r).contains("top decile"), "record content in the log: " + formatter.format(r));
        }
    }
}
