package org.firewalldoors.host.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import java.util.HashSet;
import java.util.Set;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.host.internal.HostConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private static final Principal REP = new Principal("rep.us", BusinessFunction.COMMERCIAL, "REP", "US", null);

    private final ManualClock clock = new ManualClock();
    private DataSource ds;
    private Sessions sessions;

    /** The database the tests run on: a fresh in-memory H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void setUp() {
        ds = database();
        sessions = new Sessions(ds, clock);
    }

    @Test
    void aSessionOpenedOnOneNodeWorksOnAnotherAndASignOutThereEndsItOnBoth() {
        Sessions nodeB = new Sessions(ds, clock);
        Sessions.Session s = sessions.open(REP);
        Sessions.Session onB = nodeB.find(s.id).orElseThrow();
        assertEquals(REP, onB.principal);
        assertEquals(s.csrfToken, onB.csrfToken, "the CSRF token the browser holds works on every node");
        nodeB.close(s.id);
        assertFalse(sessions.find(s.id).isPresent(), "signed out on node B: gone on node A");
        assertFalse(nodeB.find(s.id).isPresent());
    }

    @Test
    void aSessionSurvivesARestartOfTheNode() {
        Sessions.Session s = sessions.open(REP);
        Sessions restarted = new Sessions(ds, clock);
        assertEquals(REP, restarted.find(s.id).orElseThrow().principal);
    }

    @Test
    void theDatabaseHoldsNeitherTheSessionTokenNorTheCsrfToken() throws SQLException {
        Sessions.Session s = sessions.open(REP);
        StringBuilder stored = new StringBuilder();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM web_session")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    stored.append(rs.getString(i)).append('|');
                }
            }
        }
        assertTrue(stored.toString().contains("rep.us"), stored.toString());
        assertFalse(stored.toString().contains(s.id), "the raw session token is not stored");
        assertFalse(stored.toString().contains(s.csrfToken), "the CSRF token is not stored");
    }

    @Test
    void anIdleExpiryCountsUseOnAnyNode() {
        sessions.configure(30, 480);
        Sessions nodeB = new Sessions(ds, clock);
        nodeB.configure(30, 480);
        Sessions.Session s = sessions.open(REP);
        clock.advance(Duration.ofMinutes(20));
        assertTrue(nodeB.find(s.id).isPresent(), "used on node B");
        clock.advance(Duration.ofMinutes(20));
        assertTrue(sessions.find(s.id).isPresent(), "node A sees the use made on node B: 20 idle minutes, not 40");
        clock.advance(Duration.ofMinutes(31));
        assertFalse(nodeB.find(s.id).isPresent());
    }

    @Test
    void idsAndTokensAreLongRandomAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Sessions.Session s = sessions.open(REP);
            assertEquals(43, s.id.length(), "256 bits, base64url");
            assertNotEquals(s.id, s.csrfToken);
            assertTrue(seen.add(s.id) && seen.add(s.csrfToken));
        }
    }

    @Test
    void aSessionIsFoundUntilItIsIdleTooLong() {
        sessions.configure(30, 480);
        Sessions.Session s = sessions.open(REP);
        clock.advance(Duration.ofMinutes(29));
        assertEquals(REP, sessions.find(s.id).orElseThrow().principal);
        clock.advance(Duration.ofMinutes(29)); // used a minute ago: 29 idle minutes
        assertTrue(sessions.find(s.id).isPresent());
        clock.advance(Duration.ofMinutes(30));
        assertFalse(sessions.find(s.id).isPresent());
        assertEquals(0, sessions.size(), "an expired session is dropped");
    }

    @Test
    void aSessionEndsAtItsLifetimeHoweverActive() {
        sessions.configure(30, 60);
        Sessions.Session s = sessions.open(REP);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(11));
            assertTrue(sessions.find(s.id).isPresent());
        }
        clock.advance(Duration.ofMinutes(5));
        assertFalse(sessions.find(s.id).isPresent());
    }

    @Test
    void closingEndsTheSessionAndUnknownIdsFindNothing() {
        Sessions.Session s = sessions.open(REP);
        sessions.close(s.id);
        assertFalse(sessions.find(s.id).isPresent());
        assertFalse(sessions.find(null).isPresent());
        assertFalse(sessions.find("").isPresent());
        assertFalse(sessions.find("not-a-session").isPresent());
    }

    @Test
    void expiredSessionsArePurgedWhenANewOneOpens() {
        sessions.configure(10, 60);
        sessions.open(REP);
        sessions.open(REP);
        clock.advance(Duration.ofMinutes(11));
        sessions.open(REP);
        assertEquals(1, sessions.size());
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        Sessions.Session s = sessions.open(REP);
        assertTrue(s.csrfMatches(s.csrfToken));
        assertFalse(s.csrfMatches(null));
        assertFalse(s.csrfMatches(""));
        assertFalse(s.csrfMatches(s.csrfToken.substring(1)));
    }

    @Test
    void anInvalidConfigurationFallsBackToTheDefaults() {
        HostConfiguration config = org.mockito.Mockito.mock(HostConfiguration.class);
        org.mockito.Mockito.when(config.sessionIdleMinutes()).thenReturn(0);
        org.mockito.Mockito.when(config.sessionMaxMinutes()).thenReturn(60);
        sessions.configure(config);
        assertEquals(Duration.ofMinutes(480), sessions.lifetime());
        org.mockito.Mockito.when(config.sessionIdleMinutes()).thenReturn(15);
        sessions.configure(config);
        assertEquals(Duration.ofMinutes(60), sessions.lifetime());
    }

    @Test
    void timeoutsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> sessions.configure(0, 10));
        assertThrows(IllegalArgumentException.class, () -> sessions.configure(10, -1));
    }
}
