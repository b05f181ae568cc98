package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;

class HostServicesTest {

    @InjectService
    RecordStore records;

    @InjectService
    UserDirectory users;

    @Test
    void theHostServesTheStandardRecordTypes() {
        Set<String> names = records.recordTypes().stream().map(RecordTypeDescriptor::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("Account", "CallReport", "Task", "Meeting", "IncentivePlan", "AccountPlan")),
                names::toString);
    }

    @Test
    void theUserDirectoryKnowsTheDemoUsersAndChecksPasswords() {
        assertEquals(BusinessFunction.MEDICAL, users.find("msl.us").orElseThrow().function());
        assertEquals("msldir.us", users.find("msl.us").orElseThrow().manager());
        assertTrue(users.authenticate("rep.us", "demo".toCharArray()).isPresent());
        assertTrue(users.authenticate("rep.us", "wrong".toCharArray()).isEmpty());
        assertTrue(users.authenticate("nobody", "demo".toCharArray()).isEmpty());
    }
}
