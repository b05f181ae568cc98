package org.firewalldoors.compliance.internal.evaluation;

/**
 * The counts of one rule (or of all of them) on one language, and what follows from them.
 *
 * @param commercial      texts the rule must fire on
 * @param caught          of those, how many it fired on
 * @param clinical        texts of its field no rule may fire on
 * @param falseRefusals   of those, how many it fired on
 * @param wrongRule       commercial texts of another rule's field it fired on too (counted against precision)
 */
public record Figures(int commercial, int caught, int clinical, int falseRefusals, int wrongRule) {

    /** @return the sum of two counts */
    Figures plus(Figures o) {
        return new Figures(commercial + o.commercial, caught + o.caught, clinical + o.clinical,
                falseRefusals + o.falseRefusals, wrongRule + o.wrongRule);
    }

    /** @return of what the rule fired on, the share it had to fire on (1 when it fired on nothing) */
    public double precision() {
        int fired = caught + falseRefusals + wrongRule;
        return fired == 0 ? 1 : (double) caught / fired;
    }

    /** @return of what the rule had to fire on, the share it fired on (1 when there was nothing) */
    public double recall() {
        return commercial == 0 ? 1 : (double) caught / commercial;
    }

    /** @return of the clinical texts of its field, the share it fired on */
    public double falseRefusalRate() {
        return clinical == 0 ? 0 : (double) falseRefusals / clinical;
    }
}
