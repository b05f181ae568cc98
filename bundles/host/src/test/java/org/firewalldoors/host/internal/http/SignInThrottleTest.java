package org.firewalldoors.host.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Principal REP = new Principal("rep.us", BusinessFunction.COMMERCIAL, "REP", "US", null);

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);
    private final AtomicInteger checks = new AtomicInteger();
    private final Supplier<Optional<Principal>> wrong = () -> {
        checks.incrementAndGet();
        return Optional.empty();
    };
    private final Supplier<Optional<Principal>> right = () -> {
        checks.incrementAndGet();
        return Optional.of(REP);
    };

    @BeforeEach
    void configure() {
        throttle.configure(5, 300);
    }

    private void fail(int times, String address) {
        for (int i = 0; i < times; i++) {
            assertEquals(Optional.empty(), throttle.attempt("rep.us", address, wrong));
        }
    }

    @Test
    void fiveWrongPasswordsAreAnsweredThenTheNextAttemptWaitsWithoutCheckingThePassword() {
        fail(5, "10.0.0.1");
        assertEquals(5, checks.get());
        SignInThrottle.Delayed d = assertThrows(SignInThrottle.Delayed.class,
                () -> throttle.attempt("rep.us", "10.0.0.1", right));
        assertEquals(1, d.retryAfterSeconds);
        assertEquals(5, checks.get(), "the password is not checked while delayed, not even a right one");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(REP), throttle.attempt("rep.us", "10.0.0.1", right));
        assertEquals(0, throttle.size(), "a right password forgets the failures");
    }

    @Test
    void theDelayDoublesUpToTheMaximum() {
        fail(5, "10.0.0.1");
        long[] expected = {2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
        for (long seconds : expected) {
            long wait = assertThrows(SignInThrottle.Delayed.class,
                    () -> throttle.attempt("rep.us", "10.0.0.1", wrong)).retryAfterSeconds;
            clock.advance(Duration.ofSeconds(wait));
            fail(1, "10.0.0.1");
            assertEquals(seconds, assertThrows(SignInThrottle.Delayed.class,
                    () -> throttle.attempt("rep.us", "10.0.0.1", wrong)).retryAfterSeconds);
        }
    }

    @Test
    void otherAddressesAndOtherUsersAreNotDelayed() {
        fail(5, "10.0.0.1");
        assertEquals(Optional.of(REP), throttle.attempt("rep.us", "10.0.0.2", right));
        assertEquals(Optional.empty(), throttle.attempt("msl.us", "10.0.0.1", wrong));
    }

    @Test
    void unknownUsersAreDelayedAlikeSoTheDelayTellsNothing() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("nobody.us", "10.0.0.1", wrong);
        }
        assertThrows(SignInThrottle.Delayed.class, () -> throttle.attempt("nobody.us", "10.0.0.1", wrong));
    }

    @Test
    void zeroFreeFailuresTurnsTheDelayOff() {
        throttle.configure(0, 300);
        fail(50, "10.0.0.1");
        assertEquals(Optional.of(REP), throttle.attempt("rep.us", "10.0.0.1", right));
        assertEquals(51, checks.get());
    }

    @Test
    void aFloodOfDistinctNamesIsForgottenRatherThanHeldForever() {
        for (int i = 0; i <= SignInThrottle.MAX_TRACKED + 10; i++) {
            throttle.attempt("user" + i, "10.0.0.1", wrong);
        }
        assertTrue(throttle.size() <= SignInThrottle.MAX_TRACKED, "tracked " + throttle.size());
    }
}
