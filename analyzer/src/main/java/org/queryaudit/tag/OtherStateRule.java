package org.queryaudit.tag;

import java.io.Serializable;
import java.util.List;

/** Another state's police agency named in a reason (reason-tags.yaml, other_state_agency). */
public record OtherStateRule(String id, String category, List<String> fields, int window, List<String> agencyWords,
                             List<String> guards, List<String> ambiguousCodes, String source) implements Serializable {
    public OtherStateRule {
        fields = List.copyOf(fields);
        agencyWords = List.copyOf(agencyWords);
        guards = List.copyOf(guards);
        ambiguousCodes = List.copyOf(ambiguousCodes);
    }
}
