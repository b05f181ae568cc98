package org.firewalldoors.api.host;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's notification channel: one inbox per user, readable by that user
 * only, so a notification addressed to Medical Affairs users never reaches
 * Commercial (H3).
 */
@ProviderType
public interface Notifications {

    /** Puts a notification in a user's inbox, durably. */
    Notification send(String recipientId, String topic, String message, Map<String, Object> data);

    /** @return the user's notifications, newest first */
    List<Notification> inbox(String recipientId);
}
