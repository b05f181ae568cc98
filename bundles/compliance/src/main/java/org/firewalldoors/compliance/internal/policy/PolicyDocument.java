package org.firewalldoors.compliance.internal.policy;

import java.util.List;
import java.util.Map;

/**
 * A policy document as written in JSON (the policy language; see
 * {@code docs/policy-language.md}). Read by Gson, then validated and compiled
 * by {@link PolicyCompiler}; never used for decisions directly.
 */
final class PolicyDocument {
    String id;
    String version;
    String region;
    String title;
    String citation;
    Firewall firewall;
    List<Door> doors;
    Map<String, List<String>> termLists;
    /** Term lists also matched in leetspeak (digits and @, $ read as letters). */
    List<String> leetspeak;
    /** Term lists also matched with one typo (a letter dropped, two swapped) in a word of six letters or more. */
    List<String> typos;
    /** Per term list, phrases in which its matches are not matches: the clinical senses of its words (issue 15). */
    Map<String, List<String>> exceptions;
    List<Rule> rules;
    /** The statistical tier that flags (issue 15); none when absent. */
    Classifier classifier;

    /** A classifier: its weights (a resource of the policy's bundle), where it reads, what a finding says. */
    static final class Classifier {
        String id;
        String weights;
        Double threshold;
        /** How many features a finding quotes; 3 when absent. */
        Integer top;
        String message;
        List<ClassifierRead> reads;
    }

    /** Texts a classifier reads: fields of a record type, on these actions, by actors of these functions. */
    static final class ClassifierRead {
        String recordType;
        List<String> fields;
        List<String> actions;
        List<String> actorFunctions;
        String requirement;
    }

    static final class Firewall {
        Map<String, TypeClass> recordTypes;
    }

    /** How a record type and its fields are classified. */
    static final class TypeClass {
        /** SHARED, MEDICAL_ONLY, COMMERCIAL_ONLY, or BY_OWNER (the owner's function decides). */
        String classification;
        Map<String, String> fields;
        /** How fields that neither the host nor {@code fields} classify are classified; BY_OWNER when absent. */
        String otherFields;
        String requirement;
        String citation;
        String message;
    }

    static final class Door {
        String id;
        String requirement;
        String citation;
        String message;
        String recordType;
        /** MEDICAL_TO_COMMERCIAL or COMMERCIAL_TO_MEDICAL. */
        String direction;
        List<String> actions;
        List<String> fields;
        /** Conditions on a record's fields; a record for which any holds does not cross (X3). */
        List<FieldCondition> excludeWhen;
        /** Term lists; a field whose text matches one of them is withheld from the crossing (K3). */
        List<String> redactTerms;
        /** User fields of the record; when given, the door opens only to a user named in one of them. */
        List<String> participants;
    }

    static final class Rule {
        String id;
        String requirement;
        String citation;
        String message;
        /** BLOCK, FLAG or ROUTE_TO_SAFETY. */
        String effect;
        /** For a BLOCK: DENIED (default), CONTENT (default when terms matched), CONCEALED or FORBIDDEN. */
        String refusal;
        boolean escalate;
        String category;
        When when;
    }

    static final class When {
        List<String> actions;
        List<String> recordTypes;
        Who actor;
        Who owner;
        List<Related> related;
        List<FieldCondition> fields;
    }

    static final class Who {
        List<String> functions;
        List<String> roles;
        List<String> managerFunctions;
        /** The principal has none of these functions (G6: anybody but a compliance officer). */
        List<String> notFunctions;
        /** The principal has none of these roles. */
        List<String> notRoles;
    }

    static final class Related {
        String relation;
        List<String> functions;
        List<String> roles;
        /** When true the condition holds if NO principal of the relation has the functions / roles (G1, G6). */
        Boolean absent;
    }

    static final class FieldCondition {
        /** A field name, or "*" for every text of the record. */
        String field;
        Object equals;
        List<Object> in;
        Boolean present;
        Boolean changed;
        /** The name of a term list whose phrases are searched in the field's text. */
        String terms;
        /** The field has no value, or a value (a list: some element) outside these (G4, X8 per event type). */
        List<Object> notIn;
        /** Some element of a list field has these values: key to a value, or to a list of allowed values (E3, G5). */
        Map<String, Object> where;
        /** Some element of a list field has a value for these keys outside the given value or values (G4). */
        Map<String, Object> whereNot;
        /** In a selected element, some user id resolves to a user of one of these functions (E3). */
        List<String> usersWithFunction;
        /** In a selected element, some user id resolves to a user with one of these roles. */
        List<String> usersWithRole;
        /** The key of the element that holds the user ids; default: every string of the element. */
        String usersIn;
        /** An HCP in the field attends more events than allowed within a time window (X8). */
        Attendance attendanceOver;
        /** When true: an HCP in the field speaks on this event's topic (X8). */
        Boolean speakerOnOwnTopic;
        /** When true: the condition reads the record as stored before this operation, not its new values (G6). */
        Boolean stored;
        /** The field's user id, or one of its user ids, is (true) or is not (false) the actor's (G6). */
        Boolean namesActor;
    }

    /** A per-HCP attendance limit: more than {@code max} events within any {@code withinDays} days (X8). */
    static final class Attendance {
        Integer max;
        Integer withinDays;
    }
}
