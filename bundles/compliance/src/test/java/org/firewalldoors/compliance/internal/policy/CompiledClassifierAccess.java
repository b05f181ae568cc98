package org.firewalldoors.compliance.internal.policy;

/** Lets tests of other packages reach {@link CompiledClassifier}'s package-private helpers. */
public final class CompiledClassifierAccess {

    private CompiledClassifierAccess() {
    }

    /** @return {@link CompiledClassifier#twoDecimals(double)} */
    public static String twoDecimals(double p) {
        return CompiledClassifier.twoDecimals(p);
    }
}
