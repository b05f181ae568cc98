package org.firewalldoors.compliance.internal.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.Action;

/**
 * A policy compiled for decisions: rules indexed by action and record type,
 * the term lists ready to scan. Immutable, so an operation that started
 * under it finishes under it even while a new version is swapped in.
 */
public final class CompiledPolicy {

    private final String id;
    private final String version;
    private final String region;
    private final String source;
    private final Map<String, TypeClassification> firewall;
    private final List<CompiledDoor> doors;
    private final EnumMap<Action, Map<String, List<CompiledRule>>> byType;
    private final EnumMap<Action, List<CompiledRule>> anyType;
    private final TermMatcher terms;
    private final int size;
    private final CompiledClassifier classifier;

    CompiledPolicy(String id, String version, String region, String source, Map<String, TypeClassification> firewall,
            List<CompiledDoor> doors, EnumMap<Action, Map<String, List<CompiledRule>>> byType,
            EnumMap<Action, List<CompiledRule>> anyType, TermMatcher terms, int size, CompiledClassifier classifier) {
        this.id = id;
        this.version = version;
        this.region = region;
        this.source = source;
        this.firewall = Map.copyOf(firewall);
        this.doors = List.copyOf(doors);
        this.byType = byType;
        this.anyType = anyType;
        this.terms = terms;
        this.size = size;
        this.classifier = classifier;
    }

    /** @return the policy id */
    public String id() {
        return id;
    }

    /** @return the policy version */
    public String version() {
        return version;
    }

    /** @return the region the policy was written for */
    public String region() {
        return region;
    }

    /** @return the bundle and document the policy came from */
    public String source() {
        return source;
    }

    /** @return the number of rules and doors */
    public int size() {
        return size;
    }

    /** @return the rules that may apply to an action on a record type, in document order */
    List<CompiledRule> rulesFor(Action action, String recordType) {
        List<CompiledRule> specific = byType.get(action).get(recordType);
        return specific != null ? specific : anyType.get(action);
    }

    /** @return whether the policy's firewall classifies the record type (an unclassified type is its owner's side) */
    public boolean classifies(String recordType) {
        return classification(recordType) != null;
    }

    TypeClassification classification(String recordType) {
        return firewall.get(recordType);
    }

    List<CompiledDoor> doors() {
        return doors;
    }

    /** @return whether the policy has a statistical tier that flags (issue 15) */
    public boolean hasClassifier() {
        return classifier != null;
    }

    CompiledClassifier classifier() {
        return classifier;
    }

    TermMatcher terms() {
        return terms;
    }
}
