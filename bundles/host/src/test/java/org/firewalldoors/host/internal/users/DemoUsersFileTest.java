package org.firewalldoors.host.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.host.internal.HostConfiguration;
import org.firewalldoors.host.internal.HostHome;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

/** The users file shipped with the distribution: the demo users, all with password {@code demo}. */
class DemoUsersFileTest {

    /** Relative to the host module directory, where surefire runs. */
    private static final Path DISTRIBUTION_LAYOUT = Path.of("../../distribution/src/layout");
    private static final String USERS_FILE = "conf/users.json";

    private static Set<String> expectedIds() {
        Set<String> ids = new TreeSet<>();
        for (String region : List.of("us", "eu")) {
            for (String user : List.of("rep", "rep2", "salesdir", "vpcomm", "msl", "msl2", "msldir", "medhead",
                    "compliance", "legal")) {
                ids.add(user + "." + region);
            }
        }
        ids.add("admin");
        return ids;
    }

    @Test
    void containsExactlyTheDemoUsersAndEachSignsInWithPasswordDemo() throws IOException {
        Path file = DISTRIBUTION_LAYOUT.resolve(USERS_FILE);
        JsonObject doc = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        List<String> listed = new ArrayList<>();
        for (JsonElement user : doc.getAsJsonArray("users")) {
            listed.add(user.getAsJsonObject().get("id").getAsString());
        }
        assertTrue(doc.get("demo").getAsBoolean(), "the shipped file must be marked as demo users");
        assertEquals(21, listed.size(), "users listed: " + listed);
        assertEquals(expectedIds(), new TreeSet<>(listed));

        BundleContext context = mock(BundleContext.class);
        when(context.getProperty(HostHome.PROPERTY)).thenReturn(DISTRIBUTION_LAYOUT.toAbsolutePath().toString());
        HostConfiguration config = mock(HostConfiguration.class);
        when(config.usersFile()).thenReturn(USERS_FILE);
        JsonUserDirectory users = new JsonUserDirectory(context, config);

        List<String> refused = new ArrayList<>();
        for (String id : listed) {
            Optional<Principal> p = users.authenticate(id, "demo".toCharArray());
            if (p.isEmpty()) {
                refused.add(id);
                continue;
            }
            assertEquals(id, p.get().id());
            String expectedRegion = id.endsWith(".us") ? "US" : id.endsWith(".eu") ? "EU" : Principal.GLOBAL;
            assertEquals(expectedRegion, p.get().region(), id);
        }
        assertEquals(List.of(), refused, "demo users refused with password 'demo'");

        Principal admin = users.find("admin").orElseThrow();
        assertEquals(BusinessFunction.ADMIN, admin.function());
        assertEquals("ADMIN", admin.role());
        assertEquals(Principal.GLOBAL, admin.region());
        assertEquals(10, users.inRegion("US").size());
        assertEquals(10, users.inRegion("EU").size());
    }
}
