package org.firewalldoors.host.internal.store;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.UserDirectory;

/**
 * Wires the reference host's record store as Felix SCR wires it in the distribution, outside a
 * framework, for the benchmarks. It lives in the host's (unexported) package to reach the
 * package-private references that SCR sets; the host bundle itself is not changed.
 */
public final class BenchmarkHost {

    private BenchmarkHost() {
    }

    /**
     * @param dataSource           the database (its schema is created if absent)
     * @param users                the user directory
     * @param interceptors         the interceptors of the chain, as the whiteboard would bind them; each is taken as
     *                             the compliance decision itself
     * @param interceptionRequired the host's fail-closed setting
     * @return the record store
     */
    public static RecordStore store(DataSource dataSource, UserDirectory users, List<OperationInterceptor> interceptors,
            boolean interceptionRequired) throws SQLException {
        Schema.create(dataSource);
        RecordTypeRegistry types = new RecordTypeRegistry();
        types.addProvider(new StandardRecordTypes());
        InterceptorChain chain = new InterceptorChain();
        chain.interceptors = List.copyOf(interceptors);
        // As the whiteboard binds the compliance bundle's interceptor to both references (it carries the
        // decision property): without it a guarded write fails closed (X5), as the P2 run of 2026-12-05 found.
        chain.compliance = List.copyOf(interceptors);
        chain.interceptionRequired = interceptionRequired;
        JdbcRecordStore store = new JdbcRecordStore();
        store.dataSource = dataSource;
        store.chain = chain;
        store.types = types;
        store.users = users;
        return store;
    }
}
