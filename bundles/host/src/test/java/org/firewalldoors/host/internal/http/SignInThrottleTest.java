package org.firewalldoors.host.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
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
    private DataSource ds;
    private SignInThrottle throttle;
    private final AtomicInteger checks = new AtomicInteger();
    private final Supplier<Optional<Principal>> wrong = () -> {
        checks.incrementAndGet();
        return Optional.empty();
    };
    private final Supplier<Optional<Principal>> right = () -> {
        checks.incrementAndGet();
        return Optional.of(REP);
    };

    /** The database the tests run on: a fresh in-memory H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void configure() {
        ds = database();
        throttle = new SignInThrottle(ds, clock);
        throttle.configure(5, 300);
    }

    @Test
    void failuresOnTwoNodesCountTogetherAndTheDelayHoldsOnBoth() {
        SignInThrottle nodeB = new SignInThrottle(ds, clock);
        nodeB.configure(5, 300);
        fail(3, "10.0.0.1");
        for (int i = 0; i < 2; i++) {
            assertEquals(Optional.empty(), nodeB.attempt("rep.us", "10.0.0.1", wrong));
        }
        assertThrows(SignInThrottle.Delayed.class, () -> nodeB.attempt("rep.us", "10.0.0.1", right));
        assertThrows(SignInThrottle.Delayed.class, () -> throttle.attempt("rep.us", "10.0.0.1", right));
        assertEquals(5, checks.get());
    }

    @Test
    void failuresMadeAtTheSameTimeOnTwoNodesAreAllCounted() throws Exception {
        SignInThrottle nodeB = new SignInThrottle(ds, clock);
        nodeB.configure(1000, 300);
        throttle.configure(1000, 300);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SignInThrottle node = i % 2 == 0 ? throttle : nodeB;
                done.add(pool.submit(() -> node.attempt("rep.us", "10.0.0.1", wrong)));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // 40 counted: with 40 free failures the 41st wrong one is answered and the next waits.
        throttle.configure(41, 300);
        assertEquals(Optional.empty(), throttle.attempt("rep.us", "10.0.0.1", wrong));
        assertThrows(SignInThrottle.Delayed.class, () -> nodeB.attempt("rep.us", "10.0.0.1", right));
    }

    @Test
    void theCountsSurviveARestart() {
        fail(5, "10.0.0.1");
        SignInThrottle restarted = new SignInThrottle(ds, clock);
        restarted.configure(5, 300);
        assertThrows(SignInThrottle.Delayed.class, () -> restarted.attempt("rep.us", "10.0.0.1", right));
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
    void failuresWhoseDelayRanOutLongAgoAreForgottenRatherThanHeldForever() {
        for (int i = 0; i < 20; i++) {
            throttle.attempt("user" + i, "10.0.0.1", wrong);
        }
        fail(5, "10.0.0.1");
        throttle.forgetOld(clock.instant());
        assertEquals(21, throttle.size(), "recent failures are kept");
        clock.advance(Duration.ofSeconds(601));
        throttle.forgetOld(clock.instant());
        assertEquals(0, throttle.size());
    }

    @Test
    void aVeryLongUserIdIsCountedToo() {
        String user = "x".repeat(5000);
        for (int i = 0; i < 5; i++) {
            throttle.attempt(user, "10.0.0.1", wrong);
        }
        assertThrows(SignInThrottle.Delayed.class, () -> throttle.attempt(user, "10.0.0.1", wrong));
    }
}
