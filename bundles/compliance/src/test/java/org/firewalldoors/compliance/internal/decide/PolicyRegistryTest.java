package org.firewalldoors.compliance.internal.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.startlevel.BundleStartLevel;

class PolicyRegistryTest {

    private static final String DOCUMENT = "policy/us.json";

    private final PolicyRegistry registry = new PolicyRegistry();
    private final BundleContext context = mock(BundleContext.class);
    private final Bundle policyBundle = mock(Bundle.class);
    private final BundleStartLevel startLevel = mock(BundleStartLevel.class);
    /** The threads that read the policy document, in order. */
    private final List<String> readers = new CopyOnWriteArrayList<>();
    private final AtomicInteger state = new AtomicInteger(Bundle.RESOLVED);
    private final AtomicLong lastModified = new AtomicLong(1000L);

    @BeforeEach
    void setUp() throws MalformedURLException {
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put(PolicyRegistry.HEADER, DOCUMENT);
        when(policyBundle.getHeaders()).thenReturn(headers);
        when(policyBundle.getBundleId()).thenReturn(7L);
        when(policyBundle.getSymbolicName()).thenReturn("org.firewalldoors.policy-us");
        when(policyBundle.getVersion()).thenReturn(new Version(1, 0, 0));
        // Stubbed once, read through fields: the compile ahead reads the mock on its own thread, and Mockito's
        // stubbing is not safe against a concurrent call (it once answered getEntry with getState's answer).
        when(policyBundle.getLastModified()).thenAnswer(call -> lastModified.get());
        URL document = Path.of("../policy-us/src/main/resources/policy/us.json").toUri().toURL();
        when(policyBundle.getEntry(anyString())).thenAnswer(call -> {
            String entry = call.getArgument(0);
            if (!entry.equals(DOCUMENT)) { // a resource the document names (its classifier's weights)
                return Path.of("../policy-us/src/main/resources", entry).toUri().toURL();
            }
            readers.add(Thread.currentThread().getName());
            return document;
        });
        when(policyBundle.adapt(BundleStartLevel.class)).thenReturn(startLevel);
        when(policyBundle.getState()).thenAnswer(call -> state.get());
        when(startLevel.isPersistentlyStarted()).thenReturn(true);
        when(context.getBundles()).thenReturn(new Bundle[] {policyBundle});
    }

    @AfterEach
    void tearDown() {
        registry.deactivate();
    }

    /** The framework starts the policy bundle after the registry activated. */
    private List<String> start() {
        state.set(Bundle.STARTING);
        return registry.load(policyBundle);
    }

    @Test
    void aPolicyBundleDueToStartIsCompiledAheadAndActiveOnlyOnceItStarts() {
        registry.activate(context);
        assertTrue(registry.policy("us").isEmpty(), "not active before its bundle starts");

        assertEquals(List.of("us"), start());
        assertEquals("1.0.0", registry.policy("us").orElseThrow().version());
        // read once, by another thread than the one that started the bundle: the compile ahead is the one used
        assertEquals(1, readers.size(), readers.toString());
        assertNotEquals(Thread.currentThread().getName(), readers.get(0));
    }

    @Test
    void aBundleUpdatedSinceIsCompiledAgainWhenItStarts() {
        registry.activate(context);
        lastModified.set(2000L);

        assertEquals(List.of("us"), start());
        assertTrue(registry.policy("us").isPresent());
        assertTrue(readers.contains(Thread.currentThread().getName()), "compiled again by the thread that started it");
    }

    @Test
    void aBundleThatIsNotDueToStartIsNotCompiledAhead() {
        when(startLevel.isPersistentlyStarted()).thenReturn(false);
        registry.activate(context);
        verify(policyBundle, never()).getEntry(anyString());
        assertTrue(registry.policy("us").isEmpty());
    }

    @Test
    void aSecondStartOfTheSameBundleCompilesAgain() {
        registry.activate(context);
        start();
        start();
        verify(policyBundle, times(2)).getEntry(DOCUMENT);
        assertTrue(registry.policy("us").isPresent());
    }
}
