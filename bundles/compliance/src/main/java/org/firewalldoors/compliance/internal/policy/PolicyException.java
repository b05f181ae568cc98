package org.firewalldoors.compliance.internal.policy;

/** A policy document that cannot be compiled: names the document, the rule and the problem. */
public final class PolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param document the document; @param element the rule, door or section; @param problem what is wrong */
    public PolicyException(String document, String element, String problem) {
        super(document + ": " + element + ": " + problem);
    }
}
