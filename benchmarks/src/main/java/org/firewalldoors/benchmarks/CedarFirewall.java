package org.firewalldoors.benchmarks;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.Context;
import com.cedarpolicy.model.entity.Entities;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RelatedPrincipal;

/**
 * The US policy in Cedar ({@code cedar/us.cedar}), evaluated by cedar-java in this JVM, and the
 * translation of one of our {@link Operation}s into a Cedar request with its entities. The policy set
 * is parsed once and cached on the Rust side ({@link PolicySet#cache()}).
 */
public final class CedarFirewall {

    private static final Pattern LIKE = Pattern.compile("\\{\\{like (\\S+) (\\S+)}}");

    private final PolicySet policies;
    private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();

    /** One request, built before it is timed. */
    public record Request(AuthorizationRequest request, Entities entities) {
    }

    /** A Cedar answer: allowed or not, and the ids of the policies that determined it. */
    public record Answer(boolean allowed, Set<String> reasons) {
    }

    /**
     * @param usPolicyJson the US policy document, for the phrases of its term lists
     */
    public CedarFirewall(String usPolicyJson) {
        String text = expand(Fixtures.resource("cedar/us.cedar"), usPolicyJson);
        try {
            // Cedar names parsed policies policy0, policy1...: name each by its @id, our rule id.
            Set<Policy> named = new LinkedHashSet<>();
            for (Policy p : PolicySet.parsePolicies(text).policies) {
                named.add(new Policy(p.getSource(), p.getAnnotation("id")));
            }
            this.policies = new PolicySet(named);
            this.policies.cache();
        } catch (Exception e) {
            throw new IllegalStateException("the Cedar policy does not parse: " + e.getMessage(), e);
        }
    }

    /** @return the number of static policies */
    public int size() {
        return policies.getNumPolicies();
    }

    /** Replaces each {@code {{like ATTRIBUTE LIST}}} by a disjunction of like patterns, one per phrase. */
    static String expand(String template, String usPolicyJson) {
        JsonObject lists = new Gson().fromJson(usPolicyJson, JsonObject.class).getAsJsonObject("termLists");
        Matcher m = LIKE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String attribute = m.group(1);
            String list = m.group(2);
            Set<String> patterns = new LinkedHashSet<>();
            lists.getAsJsonArray(list)
                    .forEach(p -> patterns.add(attribute + " like \"*" + fold(p.getAsString()) + "*\""));
            m.appendReplacement(out, Matcher.quoteReplacement("(" + String.join(" || ", patterns) + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * What the caller must do to a text before Cedar can match phrases in it: lower case, every run of
     * anything but letters and digits turned into one space, one space at each end.
     */
    static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append(' ');
        String lower = text.toLowerCase(Locale.ROOT);
        boolean space = true;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        if (!space) {
            b.append(' ');
        }
        return b.toString();
    }

    /** @return the decision of the Cedar policy */
    public Answer authorize(Request r) {
        try {
            AuthorizationResponse response = engine.isAuthorized(r.request(), policies, r.entities());
            AuthorizationSuccessResponse success = response.success
                    .orElseThrow(() -> new IllegalStateException("Cedar failed: " + response));
            return new Answer(success.isAllowed(), success.getReason());
        } catch (AuthException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the raw response, for the benchmark to consume */
    public AuthorizationResponse isAuthorized(Request r) throws AuthException {
        return engine.isAuthorized(r.request(), policies, r.entities());
    }

    // --- translation ------------------------------------------------------------------------------

    private static final EntityTypeName USER = EntityTypeName.parse("User").orElseThrow();
    private static final EntityTypeName ACTION = EntityTypeName.parse("Action").orElseThrow();

    /** @return the Cedar request for one of our operations, with every entity it refers to */
    public static Request translate(Operation op) {
        Map<EntityUID, Entity> entities = new LinkedHashMap<>();
        EntityUID principal = user(op.actor(), entities);

        Action a = op.action();
        boolean write = a == Action.CREATE || a == Action.UPDATE || a == Action.ASSIGN;
        Map<String, Object> values = write || op.before() == null ? op.after() : op.before().fields();

        String type = op.recordType().name();
        EntityTypeName resourceType = EntityTypeName.parse(type).orElseThrow();
        EntityUID resource = resourceType.of(op.recordId() == null ? "*" : op.recordId());
        Map<String, Value> attrs = new HashMap<>();
        List<Principal> owners = op.related(RelatedPrincipal.OWNER);
        attrs.put("owner", user(owners.isEmpty() ? op.actor() : owners.get(0), entities));
        switch (type) {
            case "Task" -> op.related("assignee").stream().findFirst()
                    .ifPresent(p -> attrs.put("assignee", user(p, entities)));
            case "IncentivePlan" -> {
                op.related("userId").stream().findFirst().ifPresent(p -> attrs.put("userId", user(p, entities)));
                attrs.put("metricsText", new PrimString(fold(text(values.get("metrics")))));
            }
            case "Meeting" -> {
                CedarList functions = new CedarList();
                op.related("attendees").stream().map(p -> p.function().name()).distinct()
                        .forEach(f -> functions.add(new PrimString(f)));
                attrs.put("attendeeFunctions", functions);
                attrs.put("agendaText", new PrimString(fold(text(values.get("agenda")))));
            }
            case "OutboundMessage" -> attrs.put("allText", new PrimString(fold(text(values))));
            default -> {
                // the owner is all the policy needs
            }
        }
        entities.put(resource, new Entity(resource, attrs, Set.of()));

        Map<String, Value> context = new HashMap<>();
        CedarList changed = new CedarList();
        if (write) {
            Set<String> names = new LinkedHashSet<>(values.keySet());
            if (op.before() != null) {
                names.addAll(op.before().fields().keySet());
            }
            for (String name : names) {
                Object before = op.before() == null ? null : op.before().field(name);
                if (!same(before, op.after().get(name))) {
                    changed.add(new PrimString(name));
                }
            }
        }
        context.put("changedFields", changed);
        op.related(RelatedPrincipal.RECIPIENT).stream().findFirst()
                .ifPresent(p -> context.put("recipient", user(p, entities)));

        EntityUID action = ACTION.of(a.name().toLowerCase(Locale.ROOT));
        AuthorizationRequest request = new AuthorizationRequest(principal, action, resource, new Context(context));
        return new Request(request, new Entities(Set.copyOf(entities.values())));
    }

    /** Adds a user (and their manager) to the entities; returns its uid. */
    private static EntityUID user(Principal p, Map<EntityUID, Entity> entities) {
        EntityUID uid = USER.of(p.id());
        if (entities.containsKey(uid)) {
            return uid;
        }
        Map<String, Value> attrs = new HashMap<>();
        attrs.put("function", new PrimString(p.function().name()));
        attrs.put("role", new PrimString(p.role()));
        attrs.put("region", new PrimString(p.region()));
        if (p.manager() != null) {
            // Managers form a tree in the directory, so this ends.
            Fixtures.user(p.manager()).ifPresent(m -> attrs.put("manager", user(m, entities)));
        }
        entities.put(uid, new Entity(uid, attrs, Set.of()));
        return uid;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    /** All the text in a JSON-shaped value, joined with spaces. */
    private static String text(Object value) {
        List<String> texts = new ArrayList<>();
        collect(value, texts);
        return String.join(" ", texts);
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof String s) {
            into.add(s);
        } else if (value instanceof Iterable<?> list) {
            list.forEach(v -> collect(v, into));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, into));
        }
    }
}
