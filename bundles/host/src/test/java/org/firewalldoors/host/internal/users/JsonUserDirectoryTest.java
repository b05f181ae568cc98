package org.firewalldoors.host.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.host.internal.HostConfiguration;
import org.firewalldoors.host.internal.HostHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;

class JsonUserDirectoryTest {

    private static final Principal MSL_US = new Principal("msl.us", BusinessFunction.MEDICAL, "MSL", "US", "msldir.us");
    private static final Principal REP_EU = new Principal("rep.eu", BusinessFunction.COMMERCIAL, "REP", "EU", null);

    private static String mslHash;
    private static String repHash;

    @TempDir
    Path home;

    @BeforeAll
    static void hashPasswords() {
        mslHash = PasswordHasher.hash("msl-secret".toCharArray());
        repHash = PasswordHasher.hash("rep-secret".toCharArray());
    }

    private JsonUserDirectory directoryReading(String usersFile) {
        BundleContext context = mock(BundleContext.class);
        when(context.getProperty(HostHome.PROPERTY)).thenReturn(home.toString());
        HostConfiguration config = mock(HostConfiguration.class);
        when(config.usersFile()).thenReturn(usersFile);
        return new JsonUserDirectory(context, config);
    }

    private JsonUserDirectory directoryOf(String json) throws IOException {
        Files.writeString(home.resolve("users.json"), json, StandardCharsets.UTF_8);
        return directoryReading("users.json");
    }

    private JsonUserDirectory validDirectory() throws IOException {
        return directoryOf("""
                {"demo": false, "users": [
                  {"id": "msl.us", "function": "MEDICAL", "role": "MSL", "region": "US", "manager": "msldir.us",
                   "password": "%s"},
                  {"id": "rep.eu", "function": "COMMERCIAL", "role": "REP", "region": "EU", "manager": null,
                   "password": "%s"}
                ]}""".formatted(mslHash, repHash));
    }

    @Test
    void findsUsersWithFunctionRoleRegionAndManager() throws IOException {
        JsonUserDirectory users = validDirectory();

        assertEquals(Optional.of(MSL_US), users.find("msl.us"));
        assertEquals(Optional.of(REP_EU), users.find("rep.eu"));
        assertEquals(Optional.empty(), users.find("nobody"));
    }

    @Test
    void authenticatesWithTheRightPassword() throws IOException {
        JsonUserDirectory users = validDirectory();

        assertEquals(Optional.of(MSL_US), users.authenticate("msl.us", "msl-secret".toCharArray()));
    }

    @Test
    void refusesAWrongPasswordEvenAfterASuccessfulSignIn() throws IOException {
        JsonUserDirectory users = validDirectory();

        assertEquals(Optional.empty(), users.authenticate("msl.us", "rep-secret".toCharArray()));
        assertEquals(Optional.of(MSL_US), users.authenticate("msl.us", "msl-secret".toCharArray()));
        // a remembered sign-in must not let a different password through
        assertEquals(Optional.empty(), users.authenticate("msl.us", "msl-secreT".toCharArray()));
        assertEquals(Optional.of(MSL_US), users.authenticate("msl.us", "msl-secret".toCharArray()));
    }

    @Test
    void refusesAnUnknownUser() throws IOException {
        JsonUserDirectory users = validDirectory();

        assertEquals(Optional.empty(), users.authenticate("ghost", "msl-secret".toCharArray()));
    }

    @Test
    void listsTheUsersOfARegion() throws IOException {
        JsonUserDirectory users = validDirectory();

        assertEquals(List.of(MSL_US), users.inRegion("US"));
        assertEquals(List.of(REP_EU), users.inRegion("EU"));
        assertEquals(List.of(), users.inRegion("APAC"));
    }

    @Test
    void aMissingFileLeavesTheDirectoryEmpty() {
        JsonUserDirectory users = directoryReading("no-such-users.json");

        assertEquals(Optional.empty(), users.find("msl.us"));
        assertEquals(List.of(), users.inRegion("US"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"users\": [ {\"id\": \"msl.us\", ",
        "[]",
        "{\"users\": {\"id\": \"msl.us\"}}",
        // unknown function: the valid user before it must not be loaded either
        "{\"users\": [{\"id\": \"rep.eu\", \"function\": \"COMMERCIAL\", \"role\": \"REP\", \"region\": \"EU\"},"
                + " {\"id\": \"msl.us\", \"function\": \"WIZARD\", \"role\": \"MSL\", \"region\": \"US\"}]}",
        // no role
        "{\"users\": [{\"id\": \"msl.us\", \"function\": \"MEDICAL\", \"region\": \"US\"}]}",
        // blank id
        "{\"users\": [{\"id\": \" \", \"function\": \"MEDICAL\", \"role\": \"MSL\", \"region\": \"US\"}]}",
        // the same id twice
        "{\"users\": [{\"id\": \"msl.us\", \"function\": \"MEDICAL\", \"role\": \"MSL\", \"region\": \"US\"},"
                + " {\"id\": \"msl.us\", \"function\": \"MEDICAL\", \"role\": \"MSL\", \"region\": \"US\"}]}"
    })
    void aMalformedFileLeavesTheDirectoryEmpty(String json) throws IOException {
        JsonUserDirectory users = directoryOf(json);

        assertEquals(Optional.empty(), users.find("msl.us"));
        assertEquals(Optional.empty(), users.find("rep.eu"));
        assertTrue(users.inRegion("US").isEmpty());
        assertTrue(users.inRegion("EU").isEmpty());
    }
}
