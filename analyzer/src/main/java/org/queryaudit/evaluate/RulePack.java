package org.queryaudit.evaluate;

import java.io.Serializable;
import java.util.List;

/**
 * One state's rules, from one YAML file.
 *
 * @param noRestriction the state restricts none of this (an explicit answer, not a gap)
 * @param sha256        of the file as read, for the manifest
 */
public record RulePack(String state, String name, String version, boolean noRestriction, String note, List<Rule> rules,
                       String origin, String sha256) implements Serializable {
    public RulePack {
        rules = List.copyOf(rules);
    }
}
