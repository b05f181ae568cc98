package org.firewalldoors.host.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.host.internal.HostConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Browser sessions of the HTTP API: a token from {@link SecureRandom} that a cookie carries, a CSRF token
 * that state-changing requests must repeat in a header, and two expiries (idle and absolute). Kept in the
 * host's database (table {@code web_session}), so that a session opened on one host node works on every node
 * sharing the database, survives a restart, and a sign-out ends it everywhere. The database holds the SHA-256
 * hash of the token only: whoever reads the table cannot sign in with what is there. The CSRF token is derived
 * from the session token, so it is not in the table either.
 */
@Component(service = Sessions.class, configurationPid = HostConfiguration.PID)
public final class Sessions {

    /** The cookie that carries the session id. */
    static final String COOKIE = "FWD_SESSION";

    /** The header in which a cookie-authenticated state-changing request repeats the session's CSRF token. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    /**
     * How stale the stored time of last use may get: a session used more often is written at most this often,
     * so that reads do not each cost a database write. The idle expiry is exact to within this.
     */
    static final Duration TOUCH_EVERY = Duration.ofSeconds(15);

    /** A session: who, its CSRF token, when it started and when it was last used. */
    static final class Session {
        final String id;
        final String csrfToken;
        final Principal principal;
        final Instant started;
        final Instant lastUsed;

        Session(String id, Principal principal, Instant started, Instant lastUsed) {
            this.id = id;
            this.csrfToken = csrfOf(id);
            this.principal = principal;
            this.started = started;
            this.lastUsed = lastUsed;
        }

        /** @return whether {@code token} is this session's CSRF token (compared in constant time) */
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

    private final SecureRandom random = new SecureRandom();
    private final DataSource ds;
    private final Clock clock;
    private volatile Duration idle = Duration.ofMinutes(30);
    private volatile Duration lifetime = Duration.ofMinutes(480);

    @Activate
    public Sessions(@Reference(target = "(name=firewalldoors)") DataSource ds, HostConfiguration config) {
        this(ds, Clock.systemUTC());
        configure(config);
    }

    Sessions(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
        SignInTables.create(ds);
    }

    /**
     * Applies the configured timeouts; invalid ones are logged and the defaults (30 and 480 minutes) used, so
     * that a typo neither takes the API down nor leaves sessions without expiry.
     */
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
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Session s = new Session(token(), principal, now, now);
        SignInTables.transaction(ds, c -> {
            try (PreparedStatement purge = c.prepareStatement(
                    "DELETE FROM web_session WHERE last_used <= ? OR started_at <= ?")) {
                purge.setObject(1, SignInTables.utc(now.minus(idle)));
                purge.setObject(2, SignInTables.utc(now.minus(lifetime)));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO web_session (token_hash, user_id, "
                    + "business_function, user_role, region, manager, started_at, last_used) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, hash(s.id));
                insert.setString(2, principal.id());
                insert.setString(3, principal.function().name());
                insert.setString(4, principal.role());
                insert.setString(5, principal.region());
                insert.setString(6, principal.manager());
                insert.setObject(7, SignInTables.utc(now));
                insert.setObject(8, SignInTables.utc(now));
                insert.executeUpdate();
            }
            return null;
        });
        return s;
    }

    /** @return the live session with this id, marked as used now; empty when unknown or expired */
    Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        String key = hash(id);
        return SignInTables.statement(ds, c -> {
            Session s;
            try (PreparedStatement select = c.prepareStatement("SELECT user_id, business_function, user_role, "
                    + "region, manager, started_at, last_used FROM web_session WHERE token_hash = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Session>empty();
                    }
                    Principal p = new Principal(rs.getString(1), BusinessFunction.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5));
                    s = new Session(id, p, SignInTables.instant(rs.getObject(6)),
                            SignInTables.instant(rs.getObject(7)));
                }
            }
            Instant now = clock.instant();
            if (expired(s, now)) {
                delete(c, key);
                return Optional.<Session>empty();
            }
            if (!now.isBefore(s.lastUsed.plus(TOUCH_EVERY))) {
                try (PreparedStatement touch = c.prepareStatement(
                        "UPDATE web_session SET last_used = ? WHERE token_hash = ? AND last_used < ?")) {
                    touch.setObject(1, SignInTables.utc(now));
                    touch.setString(2, key);
                    touch.setObject(3, SignInTables.utc(now));
                    touch.executeUpdate();
                }
            }
            return Optional.of(s);
        });
    }

    /** Ends a session on every node; unknown ids are ignored. */
    void close(String id) {
        if (id != null && !id.isEmpty() && id.length() <= 64) {
            SignInTables.transaction(ds, c -> {
                delete(c, hash(id));
                return null;
            });
        }
    }

    /** @return how many sessions are stored, expired ones not yet purged included */
    int size() {
        return SignInTables.transaction(ds, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM web_session");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void delete(java.sql.Connection c, String key) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM web_session WHERE token_hash = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastUsed.plus(idle)) || !now.isBefore(s.started.plus(lifetime));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return the SHA-256 of the token, in hex: what the table keeps instead of the token */
    static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** The CSRF token of a session: derived from its token, so that only who holds the cookie can know it. */
    static String csrfOf(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("csrf\n" + token));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
