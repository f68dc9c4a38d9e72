package org.queryaudit.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.queryaudit.base.Yaml;

/**
 * Reads what legal process a query log shows, from the legal_process column and the reason
 * ({@code queryaudit/rules/legal-process.yaml}). Administrative warrants and detainers are
 * recognised first, so an ICE warrant is never taken for a judicial one.
 */
public final class LegalProcess implements Serializable {
    static final String RESOURCE = "queryaudit/rules/legal-process.yaml";
    public static final String ADMINISTRATIVE = "administrative_warrant";
    private final List<String> kinds = new ArrayList<>();
    private final List<String> regexes = new ArrayList<>();
    private transient List<Pattern> patterns;

    public static LegalProcess shipped() {
        JsonNode root = Yaml.read(LegalProcess.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE);
        LegalProcess lp = new LegalProcess();
        for (JsonNode k : root.path("kinds")) {
            lp.kinds.add(k.path("kind").asText());
            lp.regexes.add(k.path("regex").asText());
        }
        lp.compiled();
        return lp;
    }

    private List<Pattern> compiled() {
        if (patterns == null) {
            List<Pattern> p = new ArrayList<>();
            regexes.forEach(r -> p.add(Pattern.compile(r, Pattern.CASE_INSENSITIVE)));
            patterns = p;
        }
        return patterns;
    }

    /** The kind of process shown (judicial_warrant, court_order, court_subpoena, administrative_warrant), or null. */
    public String kindOf(String legalProcess, String reason) {
        for (String text : new String[] {legalProcess, reason}) {
            if (text == null || text.isBlank()) {
                continue;
            }
            for (int i = 0; i < kinds.size(); i++) {
                if (compiled().get(i).matcher(text).find()) {
                    return kinds.get(i);
                }
            }
        }
        return null;
    }
}
