package org.firewalldoors.host.internal.http;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.host.internal.HostConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Browser sessions of the HTTP API: an id from {@link SecureRandom} that a cookie carries, a CSRF token
 * that state-changing requests must repeat in a header, and two expiries (idle and absolute). Kept in
 * memory on the server only: a restart signs everybody out. One instance for the host, shared by every
 * bundle's copy of the servlet context.
 */
@Component(service = Sessions.class, configurationPid = HostConfiguration.PID)
public final class Sessions {

    /** The cookie that carries the session id. */
    static final String COOKIE = "FWD_SESSION";

    /** The header in which a cookie-authenticated state-changing request repeats the session's CSRF token. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** A session: who, its CSRF token, when it started and when it was last used. */
    static final class Session {
        final String id;
        final String csrfToken;
        final Principal principal;
        final Instant started;
        volatile Instant lastUsed;

        Session(String id, String csrfToken, Principal principal, Instant started) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.principal = principal;
            this.started = started;
            this.lastUsed = started;
        }

        /** @return whether {@code token} is this session's CSRF token (compared in constant time) */
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Duration idle = Duration.ofMinutes(30);
    private volatile Duration lifetime = Duration.ofMinutes(480);

    public Sessions() {
        this(Clock.systemUTC());
    }

    Sessions(Clock clock) {
        this.clock = clock;
    }

    private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

    /**
     * Applies the configured timeouts; invalid ones are logged and the defaults (30 and 480 minutes) used, so
     * that a typo neither takes the API down nor leaves sessions without expiry.
     */
    @Activate
    @Modified
    void configure(HostConfiguration config) {
        try {
            configure(config.sessionIdleMinutes(), config.sessionMaxMinutes());
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, e.getMessage() + "; using idle 30 and lifetime 480 minutes");
            configure(30, 480);
        }
    }

    void configure(int idleMinutes, int maxMinutes) {
        if (idleMinutes <= 0 || maxMinutes <= 0) {
            throw new IllegalArgumentException("session timeouts must be positive minutes, got idle " + idleMinutes
                    + " and lifetime " + maxMinutes);
        }
        idle = Duration.ofMinutes(idleMinutes);
        lifetime = Duration.ofMinutes(maxMinutes);
    }

    /** @return the absolute lifetime of a session, for the cookie's Max-Age */
    Duration lifetime() {
        return lifetime;
    }

    /** Starts a session for an authenticated principal. */
    Session open(Principal principal) {
        purgeExpired();
        Instant now = clock.instant();
        Session s = new Session(token(), token(), principal, now);
        sessions.put(s.id, s);
        return s;
    }

    /** @return the live session with this id, marked as used now; empty when unknown or expired */
    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    /** Ends a session; unknown ids are ignored. */
    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** @return how many sessions are held, expired ones not yet purged included */
    int size() {
        return sessions.size();
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastUsed.plus(idle)) || !now.isBefore(s.started.plus(lifetime));
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
