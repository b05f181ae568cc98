package org.firewalldoors.host.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.Notification;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcNotificationsTest {

    private JdbcNotifications notifications;

    /** The database the tests run on: a fresh in-memory H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:inbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    @BeforeEach
    void setUp() throws Exception {
        DataSource ds = database();
        UserDirectory users = mock(UserDirectory.class);
        when(users.find(anyString())).thenReturn(Optional.empty());
        for (String id : List.of("msl.us", "msl2.us")) {
            when(users.find(id)).thenReturn(Optional.of(new Principal(id, BusinessFunction.MEDICAL, "MSL", "US", null)));
        }
        notifications = new JdbcNotifications(ds, users);
        // All at the same instant: the order must not depend on time stamps alone.
        notifications.clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void anInboxHoldsOnlyItsOwnersNotificationsNewestFirst() {
        notifications.send("msl.us", "handoff.submitted", "first", Map.of("inquiryId", "i-1"));
        notifications.send("msl2.us", "handoff.submitted", "for someone else", Map.of());
        Notification second = notifications.send("msl.us", "handoff.submitted", "second", Map.of("n", 2L));

        List<Notification> inbox = notifications.inbox("msl.us");
        assertEquals(List.of("second", "first"), inbox.stream().map(Notification::message).toList());
        assertEquals(second.id(), inbox.get(0).id());
        assertEquals(Map.of("n", 2L), inbox.get(0).data());
        assertEquals("i-1", inbox.get(1).data().get("inquiryId"));
        assertEquals(List.of("for someone else"), notifications.inbox("msl2.us").stream().map(Notification::message).toList());
        assertTrue(notifications.inbox("rep.us").isEmpty());
    }

    @Test
    void unknownRecipientsAreRefused() {
        assertThrows(InvalidRecordException.class, () -> notifications.send("nobody", "t", "m", Map.of()));
        assertThrows(InvalidRecordException.class, () -> notifications.send("msl.us", " ", "m", Map.of()));
    }
}
