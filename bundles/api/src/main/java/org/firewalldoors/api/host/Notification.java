package org.firewalldoors.api.host;

import java.time.Instant;
import java.util.Map;

/**
 * A message in one user's inbox.
 *
 * @param id        its id
 * @param recipient the id of the only user who can read it
 * @param topic     what it is about, for example {@code handoff.submitted}
 * @param message   the text shown to the user
 * @param data      references the user may follow, for example the inquiry id
 * @param createdAt when it was sent
 */
public record Notification(String id, String recipient, String topic, String message, Map<String, Object> data,
        Instant createdAt) {

    /** Copies the data. */
    public Notification {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
