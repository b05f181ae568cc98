package org.firewalldoors.api.host;

import java.util.Objects;

/**
 * Who calls the host, and through which channel.
 *
 * @param principal the acting user
 * @param channel   the channel the call came through
 */
public record Caller(Principal principal, Channel channel) {

    /** Validates the values. */
    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(channel, "channel");
    }

    /** @return a caller acting through a Java service call */
    public static Caller java(Principal principal) {
        return new Caller(principal, Channel.JAVA);
    }
}
