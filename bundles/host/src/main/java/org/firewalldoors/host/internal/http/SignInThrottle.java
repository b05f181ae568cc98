package org.firewalldoors.host.internal.http;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.host.internal.HostConfiguration;
import org.firewalldoors.jdbc.Dialect;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Slows down password guessing on every sign-in path (HTTP Basic and {@code POST /session}): after a
 * number of consecutive wrong passwords for one user id from one client address, further attempts for
 * that pair are refused without checking the password, for 1 second, then 2, 4... up to a maximum, until
 * a correct password resets the count. Refused attempts do not count, so a user who waits gets in; other
 * addresses are not affected, so a guesser cannot lock a user out everywhere. User ids are counted whether
 * or not they exist, so the delay tells nothing about who exists. The counts are kept in the host's database
 * (table {@code sign_in_failure}), so that failures made on any host node sharing it count together, and a
 * restart forgets nothing.
 */
@Component(service = SignInThrottle.class, configurationPid = HostConfiguration.PID)
public final class SignInThrottle {

    /** Thrown instead of checking a password while the pair is delayed. */
    static final class Delayed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long retryAfterSeconds;

        Delayed(long retryAfterSeconds) {
            super("too many wrong passwords; retry in " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** A failure is forgotten this many maximum delays after it, once its delay ran out. */
    static final int FORGET_AFTER_MAX_DELAYS = 2;

    private static final System.Logger LOG = System.getLogger(SignInThrottle.class.getName());
    private static final int ATTEMPTS = 3;

    private final DataSource ds;
    private final Clock clock;
    private volatile int freeFailures = 5;
    private volatile Duration maxDelay = Duration.ofSeconds(300);
    private final java.util.concurrent.atomic.AtomicInteger sinceCleanup = new java.util.concurrent.atomic.AtomicInteger();

    @Activate
    public SignInThrottle(@Reference(target = "(name=firewalldoors)") DataSource ds, HostConfiguration config) {
        this(ds, Clock.systemUTC());
        configure(config);
    }

    SignInThrottle(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
        SignInTables.create(ds);
    }

    @Modified
    void configure(HostConfiguration config) {
        configure(config.signInFreeFailures(), config.signInMaxDelaySeconds());
    }

    void configure(int free, int maxDelaySeconds) {
        if (maxDelaySeconds <= 0) {
            LOG.log(System.Logger.Level.ERROR, "signInMaxDelaySeconds must be positive, got " + maxDelaySeconds
                    + "; using 300");
            maxDelaySeconds = 300;
        }
        freeFailures = free;
        maxDelay = Duration.ofSeconds(maxDelaySeconds);
    }

    /**
     * Checks a password through {@code check} unless the pair is delayed, and counts the outcome.
     *
     * @throws Delayed while the pair is delayed (the password is not checked)
     */
    Optional<Principal> attempt(String user, String address, Supplier<Optional<Principal>> check) {
        if (freeFailures <= 0) {
            return check.get();
        }
        String key = key(user);
        String from = address == null ? "" : address.length() > 64 ? address.substring(0, 64) : address;
        Instant now = clock.instant();
        Instant until = SignInTables.statement(ds, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT until_at FROM sign_in_failure WHERE user_key = ? AND address = ?")) {
                s.setString(1, key);
                s.setString(2, from);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? SignInTables.instant(rs.getObject(1)) : null;
                }
            }
        });
        if (until != null && now.isBefore(until)) {
            throw new Delayed(Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000));
        }
        Optional<Principal> result = check.get();
        if (result.isPresent()) {
            if (until != null) {
                SignInTables.transaction(ds, c -> {
                    try (PreparedStatement s = c.prepareStatement(
                            "DELETE FROM sign_in_failure WHERE user_key = ? AND address = ?")) {
                        s.setString(1, key);
                        s.setString(2, from);
                        return s.executeUpdate();
                    }
                });
            }
            return result;
        }
        int count = countFailure(key, from, clock.instant());
        if (count == freeFailures) {
            LOG.log(System.Logger.Level.WARNING, "{0} wrong passwords in a row for user {1} from {2}: delaying "
                    + "further attempts", count, key, address);
        }
        if (sinceCleanup.incrementAndGet() >= 1000) {
            sinceCleanup.set(0);
            forgetOld(clock.instant());
        }
        return result;
    }

    /** Counts one failure of the pair, in one transaction that holds the pair's row: nodes never lose a count. */
    private int countFailure(String key, String from, Instant at) {
        for (int attempt = 1; ; attempt++) {
            try {
                return SignInTables.transaction(ds, c -> {
                    int count;
                    try (PreparedStatement s = c.prepareStatement("SELECT failures FROM sign_in_failure "
                            + "WHERE user_key = ? AND address = ? FOR UPDATE")) {
                        s.setString(1, key);
                        s.setString(2, from);
                        try (ResultSet rs = s.executeQuery()) {
                            count = rs.next() ? rs.getInt(1) + 1 : 1;
                        }
                    }
                    Instant until = at;
                    if (count >= freeFailures) {
                        int doublings = Math.min(30, count - freeFailures);
                        Duration delay = Duration.ofSeconds(1L << doublings);
                        until = at.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
                    }
                    String sql = count == 1
                            ? "INSERT INTO sign_in_failure (failures, last_at, until_at, user_key, address) "
                                    + "VALUES (?, ?, ?, ?, ?)"
                            : "UPDATE sign_in_failure SET failures = ?, last_at = ?, until_at = ? "
                                    + "WHERE user_key = ? AND address = ?";
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setInt(1, count);
                        s.setObject(2, SignInTables.utc(at));
                        s.setObject(3, SignInTables.utc(until));
                        s.setString(4, key);
                        s.setString(5, from);
                        s.executeUpdate();
                    }
                    return count;
                });
            } catch (IllegalStateException e) {
                // Two nodes counted the first failure of a pair at once: the loser counts again on the row.
                if (attempt == ATTEMPTS || !(e.getCause() instanceof SQLException sql)
                        || !Dialect.DUPLICATE_KEY.equals(sql.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** @return how many user and address pairs are tracked */
    int size() {
        return SignInTables.transaction(ds, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM sign_in_failure");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Forgets the failures whose delay ran out long ago. */
    void forgetOld(Instant now) {
        SignInTables.transaction(ds, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM sign_in_failure WHERE last_at < ? AND until_at <= ?")) {
                s.setObject(1, SignInTables.utc(now.minus(maxDelay.multipliedBy(FORGET_AFTER_MAX_DELAYS))));
                s.setObject(2, SignInTables.utc(now));
                return s.executeUpdate();
            }
        });
    }

    /** The user id as given, or its hash when it is too long for the key (anybody may type anything). */
    static String key(String user) {
        return user.length() <= 200 ? user : "sha256:" + Sessions.hash(user);
    }
}
