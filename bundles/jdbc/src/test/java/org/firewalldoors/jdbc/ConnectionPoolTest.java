package org.firewalldoors.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {

    /** H2's pooled connections, counted. */
    private static final class Counting implements ConnectionPoolDataSource {
        final JdbcDataSource h2 = new JdbcDataSource();
        final AtomicInteger opened = new AtomicInteger();
        PooledConnection last;

        @Override
        public PooledConnection getPooledConnection() throws SQLException {
            opened.incrementAndGet();
            last = h2.getPooledConnection();
            return last;
        }

        @Override
        public PooledConnection getPooledConnection(String user, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return null;
        }
    }

    private Counting source;
    private ConnectionPool pool;

    @BeforeEach
    void open() {
        source = new Counting();
        source.h2.setURL("jdbc:h2:mem:pool-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pool = new ConnectionPool(source, 2, 200);
    }

    @Test
    void reusesAConnectionGivenBack() throws SQLException {
        for (int i = 0; i < 5; i++) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
        }
        assertEquals(1, source.opened.get());
    }

    @Test
    void handsOutAConnectionAsTheLastUserFoundItNot() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
        }
        try (Connection c = pool.getConnection()) {
            assertTrue(c.getAutoCommit());
            assertFalse(c.isReadOnly());
        }
        assertEquals(1, source.opened.get());
    }

    @Test
    void aCallerWaitsForAFreeConnectionThenFails() throws Exception {
        try (Connection a = pool.getConnection(); Connection b = otherThread(pool::getConnection)) {
            SQLException e = assertThrows(SQLException.class, () -> otherThread(pool::getConnection));
            assertEquals("08001", e.getSQLState());
        }
        try (Connection c = otherThread(pool::getConnection)) {
            assertTrue(c.isValid(1), "a connection is free again once one is given back");
        }
    }

    @Test
    void callersHoldingEveryConnectionStillGetTheOneTheyNeedInside() throws Exception {
        // Two writers (max = 2) hold their transaction's connection, then each asks for one more (the audit
        // append inside the write): from one bound they would wait for each other until both failed.
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        Callable<Boolean> writer = () -> {
            try (Connection outer = pool.getConnection()) {
                bothHoldOne.await(5, TimeUnit.SECONDS);
                try (Connection inner = pool.getConnection(); Statement s = inner.createStatement()) {
                    return s.execute("SELECT 1") && outer.isValid(1);
                }
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> done = threads.invokeAll(List.of(writer, writer));
            for (Future<Boolean> f : done) {
                assertTrue(f.get());
            }
        } finally {
            threads.shutdownNow();
        }
        try (Connection a = otherThread(pool::getConnection); Connection b = otherThread(pool::getConnection)) {
            assertTrue(a.isValid(1) && b.isValid(1), "the reserve's connections were counted back where they came from");
        }
    }

    /** What a call returns on a thread that holds none of the pool's connections. */
    private static <T> T otherThread(Callable<T> call) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(call).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.shutdown();
        }
    }

    @Test
    void neverReusesAConnectionTheDriverReportedBroken() throws SQLException {
        Connection c = pool.getConnection();
        PooledConnection broken = source.last;
        pool.connectionErrorOccurred(new ConnectionEvent(broken, new SQLException("gone", "08006")));
        c.close();
        assertThrows(Exception.class, broken::getConnection, "the broken connection was closed"); // H2: an NPE
        try (Connection again = pool.getConnection()) {
            assertTrue(again.isValid(1));
        }
        assertEquals(2, source.opened.get());
    }

    @Test
    void refusesConnectionsOnceClosed() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.isValid(1);
        }
        pool.close();
        assertThrows(SQLException.class, pool::getConnection);
    }
}
