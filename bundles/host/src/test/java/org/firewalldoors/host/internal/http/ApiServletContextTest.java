package org.firewalldoors.host.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiServletContextTest {

    private static final Principal MSL = new Principal("msl.us", BusinessFunction.MEDICAL, "MSL", "US", null);
    private static final Map<String, String> PASSWORDS = Map.of("msl.us", "demo", "legal.us", "pass:with:colons");

    private final ApiServletContext context = new ApiServletContext();
    /** The password arrays the directory was handed, as handed (the array objects themselves). */
    private final List<char[]> handedPasswords = new ArrayList<>();

    @BeforeEach
    void setUp() {
        UserDirectory users = mock(UserDirectory.class);
        when(users.authenticate(anyString(), any())).thenAnswer(inv -> {
            String id = inv.getArgument(0);
            char[] password = inv.getArgument(1);
            handedPasswords.add(password);
            String expected = PASSWORDS.get(id);
            if (expected == null || !Arrays.equals(expected.toCharArray(), password)) {
                return Optional.empty();
            }
            return Optional.of(id.equals(MSL.id()) ? MSL
                    : new Principal(id, BusinessFunction.LEGAL, "LEGAL", "US", null));
        });
        context.users = users;
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidBasicHeaderGivesThePrincipal() {
        assertEquals(Optional.of(MSL), context.authenticate(basic("msl.us:demo")));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertEquals(Optional.of(MSL), context.authenticate(basic("msl.us:demo").replace("Basic", "basic")));
    }

    @Test
    void thePasswordIsEverythingAfterTheFirstColon() {
        Optional<Principal> p = context.authenticate(basic("legal.us:pass:with:colons"));
        assertEquals("legal.us", p.orElseThrow().id());
    }

    @Test
    void aWrongPasswordGivesNoPrincipal() {
        assertEquals(Optional.empty(), context.authenticate(basic("msl.us:Demo")));
    }

    @Test
    void thePasswordHandedToTheDirectoryIsWipedAfterwards() {
        context.authenticate(basic("msl.us:demo"));

        assertEquals(1, handedPasswords.size());
        assertArrayEquals(new char[4], handedPasswords.get(0));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "Bearer bXNsLnVzOmRlbW8=",
        "Digest username=\"msl.us\"",
        "bXNsLnVzOmRlbW8=",
        "Basic",
        "Basic not base64!",
        "Basic bXNsLnVzOmRlbW8=%%"
    })
    void aHeaderThatIsNotValidBasicGivesNoPrincipal(String header) {
        assertEquals(Optional.empty(), context.authenticate(header));
        verify(context.users, never()).authenticate(anyString(), any());
    }

    @Test
    void credentialsWithoutAColonOrWithoutAUserGiveNoPrincipal() {
        assertEquals(Optional.empty(), context.authenticate(basic("msl.usdemo")));
        assertEquals(Optional.empty(), context.authenticate(basic(":demo")));
        verify(context.users, never()).authenticate(anyString(), any());
    }
}
