package org.firewalldoors.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;

/**
 * A bounded pool of the physical connections a {@link ConnectionPoolDataSource} makes (the driver's, through its
 * OSGi {@code DataSourceFactory}): opening a connection to a database server costs a network round trip and an
 * authentication, which the host would otherwise pay for every operation. A caller that finds every connection
 * in use waits up to {@link #WAIT_SECONDS}; a connection the driver reports broken is closed, never reused, and
 * one that sat idle is checked before it is handed out again (the server may have restarted).
 *
 * <p>A thread that already holds one of the pool's connections and asks for another (the audit append of an
 * allowed write, inside the write's transaction) takes it from a reserve of its own, beside the {@code max}:
 * were both drawn from one bound, {@code max} writers each holding their first connection would wait for ever
 * for the second, and every write would stall for {@link #WAIT_SECONDS} and fail.
 */
public final class ConnectionPool implements DataSource, ConnectionEventListener {

    /** How long a caller waits for a connection when all are in use. */
    public static final int WAIT_SECONDS = 30;
    private static final long CHECK_IDLE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ConnectionPoolDataSource source;
    private final Semaphore permits;
    private final Semaphore reserve;
    /** The connections lent out: who holds each, and which bound it was counted against. */
    private final java.util.Map<PooledConnection, Lease> leases = new IdentityHashMap<>();
    private final long waitMillis;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final Set<PooledConnection> broken = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    private record Idle(PooledConnection connection, long since) {
    }

    private record Lease(Thread holder, Semaphore bound) {
    }

    /**
     * @param source makes the physical connections
     * @param max the most connections open at once for callers that hold none; those that already hold one
     *            have a reserve of a quarter of that (at least one) beside it
     */
    public ConnectionPool(ConnectionPoolDataSource source, int max) {
        this(source, max, TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    ConnectionPool(ConnectionPoolDataSource source, int max, long waitMillis) {
        this.source = source;
        this.permits = new Semaphore(max, true);
        this.reserve = new Semaphore(Math.max(1, max / 4), true);
        this.waitMillis = waitMillis;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Thread me = Thread.currentThread();
        Semaphore bound;
        synchronized (this) {
            bound = leases.values().stream().anyMatch(l -> l.holder() == me) ? reserve : permits;
        }
        try {
            if (!bound.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLException("no database connection free within " + waitMillis + " ms", "08001");
            }
        } catch (InterruptedException e) {
            me.interrupt();
            throw new SQLException("interrupted while waiting for a database connection", "08001", e);
        }
        try {
            return handle(new Lease(me, bound));
        } catch (SQLException | RuntimeException e) {
            bound.release();
            throw e;
        }
    }

    /** A logical connection of an idle physical one that still works, or of a new one. */
    private Connection handle(Lease lease) throws SQLException {
        while (true) {
            Idle next;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the database is closed", "08003");
                }
                next = idle.pollFirst();
            }
            if (next == null) {
                PooledConnection pc = source.getPooledConnection();
                pc.addConnectionEventListener(this);
                return lend(pc, reset(pc.getConnection()), lease);
            }
            try {
                Connection c = next.connection().getConnection();
                if (System.nanoTime() - next.since() < CHECK_IDLE_AFTER_NANOS || c.isValid(5)) {
                    return lend(next.connection(), reset(c), lease);
                }
            } catch (SQLException e) {
                // a connection the server dropped while idle: discarded below
            }
            discard(next.connection());
        }
    }

    private synchronized Connection lend(PooledConnection pc, Connection c, Lease lease) {
        leases.put(pc, lease);
        return c;
    }

    /** What the last user may have changed on the connection, undone. */
    private static Connection reset(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        if (c.isReadOnly()) {
            c.setReadOnly(false);
        }
        return c;
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
        PooledConnection pc = (PooledConnection) event.getSource();
        boolean reuse;
        Lease lease;
        synchronized (this) {
            lease = leases.remove(pc);
            reuse = !closed && !broken.remove(pc);
            if (reuse) {
                idle.addFirst(new Idle(pc, System.nanoTime()));
            }
        }
        if (!reuse) {
            discard(pc);
        }
        if (lease != null) {
            lease.bound().release();
        }
    }

    @Override
    public synchronized void connectionErrorOccurred(ConnectionEvent event) {
        broken.add((PooledConnection) event.getSource());
    }

    /** Closes the idle connections; those in use are closed when they come back. */
    public void close() {
        Deque<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(i -> discard(i.connection()));
    }

    private void discard(PooledConnection pc) {
        pc.removeConnectionEventListener(this);
        try {
            pc.close();
        } catch (SQLException e) {
            // already gone
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the host's database has one user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the pool waits WAIT_SECONDS
    }

    @Override
    public int getLoginTimeout() {
        return WAIT_SECONDS;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
