package org.firewalldoors.host.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.host.internal.HostConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Slows down password guessing on every sign-in path (HTTP Basic and {@code POST /session}): after a
 * number of consecutive wrong passwords for one user id from one client address, further attempts for
 * that pair are refused without checking the password, for 1 second, then 2, 4... up to a maximum, until
 * a correct password resets the count. Refused attempts do not count, so a user who waits gets in; other
 * addresses are not affected, so a guesser cannot lock a user out everywhere. User ids are counted whether
 * or not they exist, so the delay tells nothing about who exists. In memory: a restart forgets the counts.
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

    /** Pairs tracked at most; beyond it, pairs whose delay ran out long ago are forgotten first. */
    static final int MAX_TRACKED = 50_000;

    private record Failures(int count, Instant last, Instant until) {
    }

    private static final System.Logger LOG = System.getLogger(SignInThrottle.class.getName());

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int freeFailures = 5;
    private volatile Duration maxDelay = Duration.ofSeconds(300);

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    @Activate
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
        String key = user + '\n' + address;
        Instant now = clock.instant();
        Failures f = failures.get(key);
        if (f != null && now.isBefore(f.until())) {
            throw new Delayed(Math.max(1, (Duration.between(now, f.until()).toMillis() + 999) / 1000));
        }
        Optional<Principal> result = check.get();
        if (result.isPresent()) {
            if (f != null) {
                failures.remove(key);
            }
            return result;
        }
        Instant at = clock.instant();
        Failures next = failures.compute(key, (k, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            Instant until = at;
            if (count >= freeFailures) {
                int doublings = Math.min(30, count - freeFailures);
                Duration delay = Duration.ofSeconds(1L << doublings);
                until = at.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
            }
            return new Failures(count, at, until);
        });
        if (next.count() == freeFailures) {
            LOG.log(System.Logger.Level.WARNING, "{0} wrong passwords in a row for user {1} from {2}: delaying "
                    + "further attempts", next.count(), user, address);
        }
        if (failures.size() > MAX_TRACKED) {
            forgetOld(at);
        }
        return result;
    }

    /** @return how many user and address pairs are tracked */
    int size() {
        return failures.size();
    }

    private void forgetOld(Instant now) {
        Instant stale = now.minus(maxDelay.multipliedBy(2));
        failures.values().removeIf(f -> f.last().isBefore(stale) && !now.isBefore(f.until()));
        if (failures.size() > MAX_TRACKED) {
            // Still full of recent failures: a flood of distinct names. Drop those not delayed yet.
            failures.values().removeIf(f -> !now.isBefore(f.until()));
        }
    }
}
