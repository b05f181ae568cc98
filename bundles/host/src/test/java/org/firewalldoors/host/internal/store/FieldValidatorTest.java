package org.firewalldoors.host.internal.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldValidatorTest {

    private static final Map<String, FieldSpec> FIELDS = Map.of(
            "title", new FieldSpec(FieldType.STRING, Classification.SHARED, true),
            "count", FieldSpec.shared(FieldType.NUMBER),
            "done", FieldSpec.shared(FieldType.BOOLEAN),
            "tags", FieldSpec.shared(FieldType.LIST),
            "details", FieldSpec.shared(FieldType.OBJECT),
            "assignee", FieldSpec.shared(FieldType.USER),
            "attendees", FieldSpec.shared(FieldType.USER_LIST),
            "anything", FieldSpec.shared(FieldType.ANY));

    private static final RecordTypeDescriptor CLOSED =
            new RecordTypeDescriptor("Closed", FIELDS, false, false, Classification.SHARED);
    private static final RecordTypeDescriptor OPEN =
            new RecordTypeDescriptor("Open", FIELDS, false, true, Classification.SHARED);

    private static Map<String, Object> withTitle(String name, Object value) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "Kick-off");
        fields.put(name, value);
        return fields;
    }

    private static void assertInvalid(RecordTypeDescriptor type, Map<String, Object> fields, boolean creating,
            String mentioned) {
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> FieldValidator.validate(type, fields, creating));
        assertTrue(e.getMessage().contains(mentioned), "message should name '" + mentioned + "': " + e.getMessage());
    }

    @Test
    void acceptsARecordWithEveryFieldOfTheRightType() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "Kick-off");
        fields.put("count", 3);
        fields.put("done", false);
        fields.put("tags", List.of("a", 1));
        fields.put("details", Map.of("room", "B"));
        fields.put("assignee", "rep.us");
        fields.put("attendees", List.of("rep.us", "msl.us"));
        fields.put("anything", List.of(Map.of()));

        assertDoesNotThrow(() -> FieldValidator.validate(CLOSED, fields, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "type", "owner", "region", "createdAt", "updatedAt", "version"})
    void refusesFieldsTheHostSets(String reserved) {
        assertInvalid(OPEN, withTitle(reserved, "x"), true, reserved);
        assertInvalid(OPEN, Map.of(reserved, "x"), false, reserved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1st", "with space", "dash-ed", "", "_x"})
    void refusesFieldNamesThatAreNotIdentifiers(String name) {
        assertInvalid(OPEN, withTitle(name, "x"), true, "'" + name + "'");
    }

    @Test
    void refusesUnknownFieldsOnANonExtensibleType() {
        assertInvalid(CLOSED, withTitle("colour", "red"), true, "colour");
        assertInvalid(CLOSED, Map.of("colour", "red"), false, "colour");
    }

    @Test
    void acceptsUnknownFieldsOnAnExtensibleType() {
        assertDoesNotThrow(() -> FieldValidator.validate(OPEN, withTitle("colour", "red"), true));
        assertDoesNotThrow(() -> FieldValidator.validate(OPEN, Map.of("colour", "red"), false));
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("title", 42),
                Arguments.of("count", "42"),
                Arguments.of("done", "true"),
                Arguments.of("tags", "a,b"),
                Arguments.of("details", List.of("room")),
                Arguments.of("assignee", 7),
                Arguments.of("assignee", List.of("rep.us")),
                Arguments.of("attendees", "rep.us"),
                Arguments.of("attendees", List.of("rep.us", 7)));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void refusesAValueOfTheWrongType(String field, Object value) {
        assertInvalid(CLOSED, withTitle(field, value), true, field);
        assertInvalid(CLOSED, Map.of(field, value), false, field);
    }

    @Test
    void requiresRequiredFieldsOnCreateOnly() {
        assertInvalid(CLOSED, Map.of("count", 1), true, "title");
        assertDoesNotThrow(() -> FieldValidator.validate(CLOSED, Map.of("count", 1), false));
    }

    @Test
    void refusesNullOnCreate() {
        assertInvalid(CLOSED, withTitle("count", null), true, "count");
        assertInvalid(OPEN, withTitle("colour", null), true, "colour");
    }

    @Test
    void acceptsNullOnUpdateToRemoveAnOptionalField() {
        Map<String, Object> changes = new HashMap<>();
        changes.put("count", null);
        changes.put("colour", null);
        assertDoesNotThrow(() -> FieldValidator.validate(OPEN, changes, false));
    }

    @Test
    void refusesNullOnUpdateForARequiredField() {
        Map<String, Object> changes = new HashMap<>();
        changes.put("title", null);
        assertInvalid(CLOSED, changes, false, "title");
    }
}
