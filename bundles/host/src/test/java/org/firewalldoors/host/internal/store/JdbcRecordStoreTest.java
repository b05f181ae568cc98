package org.firewalldoors.host.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordNotFoundException;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.StaleRecordException;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.api.host.Verdict;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record store on a real in-memory H2 database, with a scripted interceptor. */
class JdbcRecordStoreTest {

    private static final Principal REP_US = new Principal("rep.us", BusinessFunction.COMMERCIAL, "REP", "US", null);
    private static final Principal REP2_US = new Principal("rep2.us", BusinessFunction.COMMERCIAL, "REP", "US", null);
    private static final Principal MSL_US = new Principal("msl.us", BusinessFunction.MEDICAL, "MSL", "US", null);
    private static final Principal REP_EU = new Principal("rep.eu", BusinessFunction.COMMERCIAL, "REP", "EU", null);

    private static final Caller REP = Caller.java(REP_US);
    private static final Caller REP2 = Caller.java(REP2_US);
    private static final Caller MSL = Caller.java(MSL_US);
    private static final Caller EU = Caller.java(REP_EU);

    /** Every operation the interceptor was asked about, in order. */
    private final List<Operation> seen = new ArrayList<>();
    /** What the interceptor answers; a test replaces it to script a policy. */
    private Function<Operation, Decision> policy = op -> Decision.allow();

    private DataSource dataSource;
    private InterceptorChain chain;
    private JdbcRecordStore store;

    /** The database the tests run on: a fresh in-memory H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    @BeforeEach
    void setUp() throws SQLException {
        dataSource = database();
        Schema.create(dataSource);

        chain = new InterceptorChain();
        chain.interceptors = List.of(op -> {
            seen.add(op);
            return policy.apply(op);
        });
        chain.compliance = chain.interceptors;
        RecordTypeRegistry types = new RecordTypeRegistry();
        types.addProvider(new StandardRecordTypes());
        Map<String, Principal> principals = Set.of(REP_US, REP2_US, MSL_US, REP_EU).stream()
                .collect(Collectors.toMap(Principal::id, p -> p));
        UserDirectory users = mock(UserDirectory.class);
        when(users.find(anyString())).thenAnswer(inv -> Optional.ofNullable(principals.get(inv.getArgument(0))));

        store = new JdbcRecordStore();
        store.dataSource = dataSource;
        store.chain = chain;
        store.types = types;
        store.users = users;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (!(dataSource instanceof JdbcDataSource)) {
            return; // a PostgreSQL schema of the tests is left for the server to go away with
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    @Test
    void anExportReadsPageByPageInCreationOrderAndHoldsNoConnectionWhileItsReaderWrites() {
        int n = 2 * JdbcRecordStore.EXPORT_PAGE + 3;
        List<CrmRecord> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            made.add(account(REP, "Account " + i, "HEALTH_SYSTEM"));
        }
        List<String> created = made.stream()
                .sorted(java.util.Comparator.comparing(CrmRecord::createdAt).thenComparing(CrmRecord::id))
                .map(CrmRecord::id).toList();
        // Connections the store holds open, counted: a slow reader of an export must not keep one from others.
        java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
        DataSource counted = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (!"getConnection".equals(method.getName())) {
                        return result;
                    }
                    open.incrementAndGet();
                    Connection real = (Connection) result;
                    return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] { Connection.class }, (p, m, a) -> {
                                if ("close".equals(m.getName()) && !real.isClosed()) {
                                    open.decrementAndGet();
                                }
                                return invoke(real, m, a);
                            });
                });
        store.dataSource = counted;
        List<String> exported = new ArrayList<>();
        List<Integer> openWhileWriting = new ArrayList<>();
        long shown = store.export(REP, "Account", Map.of(), null, r -> {
            exported.add(r.id());
            openWhileWriting.add(open.get());
        });
        assertEquals(n, shown);
        assertEquals(created, exported, "every record once, in creation order, across pages");
        assertTrue(openWhileWriting.stream().allMatch(c -> c == 0), "a connection was held while the reader wrote");
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Decision block(RefusalKind kind) {
        return Decision.block(new Refusal(kind, "test.rule", "T1", "refused by the test policy", null), "test", "1");
    }

    private static Decision redact(String... fields) {
        return new Decision(Verdict.ALLOW, null, Set.of(fields), List.of(), "test", "1");
    }

    private CrmRecord account(Caller caller, String name, String kind) {
        return store.create(caller, "Account", Map.of("name", name, "kind", kind));
    }

    private long storedRows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM crm_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<Object> names(List<CrmRecord> records) {
        return records.stream().map(r -> r.field("name")).collect(Collectors.toSet());
    }

    // --- create, read, update, delete -----------------------------------------------------------

    @Test
    void createStoresARecordOwnedByTheCallerInTheirRegion() {
        CrmRecord created = account(REP, "St. Mary's", "HEALTH_SYSTEM");

        assertEquals("Account", created.type());
        assertEquals("rep.us", created.owner());
        assertEquals("US", created.region());
        assertEquals(1, created.version());
        assertEquals(created.createdAt(), created.updatedAt());
        assertEquals(Map.of("name", "St. Mary's", "kind", "HEALTH_SYSTEM"), created.fields());
        assertEquals(Optional.of(created), store.read(REP2, "Account", created.id()));
    }

    @Test
    void readOfAnAbsentRecordOrUnderAnotherTypeIsEmpty() {
        CrmRecord created = account(REP, "St. Mary's", "HEALTH_SYSTEM");

        assertEquals(Optional.empty(), store.read(REP, "Account", "no-such-id"));
        assertEquals(Optional.empty(), store.read(REP, "CallReport", created.id()));
    }

    @Test
    void anUnknownTypeIsNotFound() {
        assertThrows(RecordNotFoundException.class, () -> store.create(REP, "Spaceship", Map.of()));
        assertThrows(RecordNotFoundException.class, () -> store.read(REP, "Spaceship", "x"));
    }

    @Test
    void updateChangesFieldsAndIncrementsTheVersion() {
        CrmRecord created = account(REP, "St. Mary's", "HEALTH_SYSTEM");

        CrmRecord updated = store.update(REP, "Account", created.id(), Map.of("tier", "A"), 1);

        assertEquals(2, updated.version());
        assertEquals(Map.of("name", "St. Mary's", "kind", "HEALTH_SYSTEM", "tier", "A"), updated.fields());
        assertEquals(created.createdAt(), updated.createdAt());
        assertFalse(updated.updatedAt().isBefore(created.updatedAt()));
        assertEquals(Optional.of(updated), store.read(REP, "Account", created.id()));

        Map<String, Object> removeTier = new HashMap<>();
        removeTier.put("tier", null);
        CrmRecord third = store.update(REP, "Account", created.id(), removeTier, 0);
        assertEquals(3, third.version());
        assertEquals(Map.of("name", "St. Mary's", "kind", "HEALTH_SYSTEM"),
                store.read(REP, "Account", created.id()).orElseThrow().fields());
    }

    @Test
    void updateWithAStaleVersionIsRefusedAndChangesNothing() {
        CrmRecord created = account(REP, "St. Mary's", "HEALTH_SYSTEM");
        store.update(REP2, "Account", created.id(), Map.of("tier", "A"), 1);

        assertThrows(StaleRecordException.class,
                () -> store.update(REP, "Account", created.id(), Map.of("tier", "B"), 1));

        CrmRecord current = store.read(REP, "Account", created.id()).orElseThrow();
        assertEquals(2, current.version());
        assertEquals("A", current.field("tier"));
    }

    @Test
    void deleteRemovesTheRecord() throws SQLException {
        CrmRecord created = account(REP, "St. Mary's", "HEALTH_SYSTEM");
        CrmRecord other = account(REP, "Lakeside Clinic", "HCP");

        store.delete(REP, "Account", created.id());

        assertEquals(Optional.empty(), store.read(REP, "Account", created.id()));
        assertEquals(1, storedRows());
        assertTrue(store.read(REP, "Account", other.id()).isPresent());
        assertThrows(RecordNotFoundException.class, () -> store.delete(REP, "Account", created.id()));
    }

    @Test
    void queryReturnsTheRecordsOfTheTypeWhoseFieldsMatchTheCriteria() {
        account(REP, "St. Mary's", "HEALTH_SYSTEM");
        account(REP2, "General", "HEALTH_SYSTEM");
        account(REP, "Lakeside Clinic", "HCP");
        store.create(REP, "Task", Map.of("subject", "HOSPITAL visit", "kind", "HEALTH_SYSTEM"));

        assertEquals(Set.of("St. Mary's", "General"), names(store.query(REP, "Account", Map.of("kind", "HEALTH_SYSTEM"))));
        assertEquals(Set.of("Lakeside Clinic"),
                names(store.query(REP, "Account", Map.of("kind", "HCP", "name", "Lakeside Clinic"))));
        assertEquals(List.of(), store.query(REP, "Account", Map.of("kind", "HCP", "name", "General")));
        assertEquals(3, store.query(REP, "Account", Map.of()).size());
    }

    // --- region partitioning --------------------------------------------------------------------

    @Test
    void aUserOfAnotherRegionCannotSeeOrChangeTheRecord() {
        CrmRecord us = account(REP, "St. Mary's", "HEALTH_SYSTEM");
        CrmRecord eu = account(EU, "Charité", "HEALTH_SYSTEM");

        assertEquals("EU", eu.region());
        assertEquals(Optional.empty(), store.read(EU, "Account", us.id()));
        assertEquals(Set.of("Charité"), names(store.query(EU, "Account", Map.of())));
        assertEquals(Set.of("St. Mary's"), names(store.query(REP, "Account", Map.of())));
        assertThrows(RecordNotFoundException.class,
                () -> store.update(EU, "Account", us.id(), Map.of("tier", "Z"), 0));
        assertThrows(RecordNotFoundException.class, () -> store.delete(EU, "Account", us.id()));

        assertEquals(Optional.of(us), store.read(REP, "Account", us.id()));
    }

    // --- decisions of the interceptors ----------------------------------------------------------

    @Test
    void aBlockOnCreateStoresNothing() throws SQLException {
        policy = op -> op.action() == Action.CREATE ? block(RefusalKind.DENIED) : Decision.allow();

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> store.create(REP, "CallReport", Map.of("notes", "Discussed dosing")));

        assertEquals(RefusalKind.DENIED, e.refusal().kind());
        assertEquals("test.rule", e.refusal().ruleId());
        assertEquals(0, storedRows());
        assertEquals(List.of(), store.query(REP, "CallReport", Map.of()));
    }

    @Test
    void aBlockOnUpdateLeavesTheRecordUnchanged() {
        CrmRecord created = store.create(REP, "CallReport", Map.of("notes", "Discussed formulary"));
        policy = op -> op.action() == Action.UPDATE ? block(RefusalKind.CONTENT) : Decision.allow();

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> store.update(REP, "CallReport", created.id(), Map.of("notes", "Off-label use"), 1));

        assertEquals(RefusalKind.CONTENT, e.refusal().kind());
        assertEquals(Optional.of(created), store.read(REP, "CallReport", created.id()));
    }

    @Test
    void aBlockOnDeleteKeepsTheRecord() {
        CrmRecord created = account(REP, "St. Mary's", "HEALTH_SYSTEM");
        policy = op -> op.action() == Action.DELETE ? block(RefusalKind.FORBIDDEN) : Decision.allow();

        assertThrows(OperationRefusedException.class, () -> store.delete(REP, "Account", created.id()));
        assertEquals(Optional.of(created), store.read(REP, "Account", created.id()));
    }

    @Test
    void aConcealedRecordReadsAsAbsentAndIsLeftOutOfQueries() {
        CrmRecord secret = account(REP, "Secret", "HEALTH_SYSTEM");
        account(REP, "Visible", "HEALTH_SYSTEM");
        policy = op -> op.before() != null && "Secret".equals(op.before().field("name"))
                ? block(RefusalKind.CONCEALED) : Decision.allow();

        assertEquals(Optional.empty(), store.read(MSL, "Account", secret.id()));
        assertEquals(Set.of("Visible"), names(store.query(MSL, "Account", Map.of())));
        assertEquals(List.of(), store.query(MSL, "Account", Map.of("name", "Secret")));
    }

    @Test
    void aPolicyUnavailableRefusalOnReadIsNotHiddenAsAbsence() {
        CrmRecord created = account(REP, "St. Mary's", "HEALTH_SYSTEM");
        policy = op -> op.before() != null ? block(RefusalKind.POLICY_UNAVAILABLE) : Decision.allow();

        OperationRefusedException read = assertThrows(OperationRefusedException.class,
                () -> store.read(REP, "Account", created.id()));
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, read.refusal().kind());
        OperationRefusedException query = assertThrows(OperationRefusedException.class,
                () -> store.query(REP, "Account", Map.of()));
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, query.refusal().kind());
    }

    @Test
    void withoutAnInterceptorGuardedTypesFailClosedAndUnguardedOnesWork() throws SQLException {
        chain.interceptors = List.of();

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> store.create(REP, "CallReport", Map.of("notes", "Discussed dosing")));
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, e.refusal().kind());
        assertEquals(0, storedRows());

        CrmRecord account = account(REP, "St. Mary's", "HEALTH_SYSTEM");
        assertEquals(Optional.of(account), store.read(REP, "Account", account.id()));
    }

    @Test
    void redactedFieldsAreRemovedFromWhatTheCallerGetsButStayStored() {
        policy = op -> op.actor().is(BusinessFunction.MEDICAL) ? redact("tier") : Decision.allow();
        CrmRecord byRep = store.create(REP, "Account", Map.of("name", "St. Mary's", "kind", "HEALTH_SYSTEM", "tier", "A"));
        CrmRecord byMsl = store.create(MSL, "Account", Map.of("name", "General", "kind", "HEALTH_SYSTEM", "tier", "B"));

        assertFalse(byMsl.fields().containsKey("tier"), "create result as the MSL may see it");
        assertFalse(store.read(MSL, "Account", byRep.id()).orElseThrow().fields().containsKey("tier"));
        for (CrmRecord r : store.query(MSL, "Account", Map.of())) {
            assertFalse(r.fields().containsKey("tier"), r.toString());
            assertEquals("HEALTH_SYSTEM", r.field("kind"));
        }
        CrmRecord updated = store.update(MSL, "Account", byRep.id(), Map.of("kind", "HCP"), 1);
        assertFalse(updated.fields().containsKey("tier"));

        assertEquals("A", store.read(REP, "Account", byRep.id()).orElseThrow().field("tier"));
        assertEquals("B", store.read(REP, "Account", byMsl.id()).orElseThrow().field("tier"));
    }

    @Test
    void aNullValueOnCreateIsRefusedEvenForAnUndeclaredField() throws SQLException {
        Map<String, Object> fields = new HashMap<>(Map.of("name", "St. Mary's", "kind", "HEALTH_SYSTEM"));
        fields.put("website", null);

        assertThrows(InvalidRecordException.class, () -> store.create(REP, "Account", fields));
        assertEquals(0, storedRows());
    }

    // --- principals named by fields -------------------------------------------------------------

    @Test
    void anUnknownUserInAUserFieldIsInvalidAndStoresNothing() throws SQLException {
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> store.create(REP, "Task", Map.of("subject", "Follow up", "assignee", "ghost")));
        assertTrue(e.getMessage().contains("ghost"), e.getMessage());
        assertThrows(InvalidRecordException.class, () -> store.create(REP, "Meeting",
                Map.of("title", "Advisory board", "attendees", List.of("msl.us", "ghost"))));
        assertEquals(0, storedRows());
        assertEquals(List.of(), seen, "nothing invalid reaches the interceptors");
    }

    @Test
    void anUnknownUserInAnUpdateIsInvalidAndChangesNothing() {
        CrmRecord task = store.create(REP, "Task", Map.of("subject", "Follow up", "assignee", "rep2.us"));

        assertThrows(InvalidRecordException.class,
                () -> store.update(REP, "Task", task.id(), Map.of("assignee", "ghost"), 1));
        assertEquals(Optional.of(task), store.read(REP, "Task", task.id()));
    }

    @Test
    void theCreateOperationCarriesTheRecordIdAndTheRelatedPrincipals() {
        CrmRecord task = store.create(REP, "Task", Map.of("subject", "Follow up", "assignee", "rep2.us"));

        assertEquals(1, seen.size());
        Operation op = seen.get(0);
        assertEquals(Action.CREATE, op.action());
        assertEquals(REP, op.caller());
        assertEquals("Task", op.recordType().name());
        assertEquals(task.id(), op.recordId());
        assertNull(op.before());
        assertEquals(Map.of("subject", "Follow up", "assignee", "rep2.us"), op.after());
        assertEquals("US", op.region());
        assertEquals(List.of(REP_US), op.related("owner"));
        assertEquals(List.of(REP2_US), op.related("assignee"));
    }

    @Test
    void theUpdateOperationCarriesTheStoredRecordAndTheNewFields() {
        CrmRecord task = store.create(REP, "Task", Map.of("subject", "Follow up", "assignee", "rep2.us"));
        seen.clear();

        store.update(REP2, "Task", task.id(), Map.of("assignee", "msl.us"), 1);

        Operation op = seen.get(0);
        assertEquals(Action.UPDATE, op.action());
        assertEquals(task.id(), op.recordId());
        assertEquals(task, op.before());
        assertEquals(Map.of("subject", "Follow up", "assignee", "msl.us"), op.after());
        assertEquals(List.of(REP_US), op.related("owner"));
        assertEquals(List.of(MSL_US), op.related("assignee"));
    }
}
