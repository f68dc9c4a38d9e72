package org.queryaudit.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.DataPattern;
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

    /** The file as written. */
    record Layout(Integer version, List<Kind> kinds) {
    }

    /** One kind of process and the text that shows it; {@code unlocks}: whether a rule may accept it. */
    record Kind(String kind, Boolean unlocks, String regex) {
    }

    public static LegalProcess shipped() {
        return of(Yaml.shipped(RESOURCE), RESOURCE);
    }

    /** Bound and checked once; a message names the file, the kind and the field. */
    static LegalProcess of(JsonNode root, String origin) {
        Layout layout = Yaml.bind(root, Layout.class, origin);
        if (layout.kinds() == null || layout.kinds().isEmpty()) {
            throw new ConfigException(origin + ": field 'kinds' is missing or empty");
        }
        LegalProcess lp = new LegalProcess();
        for (int i = 0; i < layout.kinds().size(); i++) {
            Kind k = layout.kinds().get(i);
            if (k.kind() == null || k.kind().isBlank()) {
                throw new ConfigException(origin + ": kinds[" + i + "]: field 'kind' is missing");
            }
            String where = origin + ": kind '" + k.kind() + "'";
            if (lp.kinds.contains(k.kind())) {
                throw new ConfigException(where + ": listed twice");
            }
            if (k.regex() == null || k.regex().isBlank()) {
                // A blank pattern would find every text to show this process.
                throw new ConfigException(where + ": field 'regex' is missing");
            }
            DataPattern.compile(k.regex(), where + ": field 'regex'");
            lp.kinds.add(k.kind());
            lp.regexes.add(k.regex());
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
