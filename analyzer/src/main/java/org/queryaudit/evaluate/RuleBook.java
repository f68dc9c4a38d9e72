package org.queryaudit.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;
import org.queryaudit.reference.UsStates;

/**
 * Every state's rule pack: the shipped ones, with a {@code --rules DIR} of the user's own
 * (a file there replaces the shipped pack of its state). Validated when loaded: an error
 * names the file, the rule and the field, and the run stops before reading any log.
 */
public final class RuleBook implements Serializable {
    static final String BASE = "queryaudit/rules/";
    static final Set<String> DATA = Set.of("alpr", "dmv");
    static final Set<String> CLASSES = Set.of("any", "federal_any", "federal_immigration", "out_of_state", "private");
    static final Set<String> PURPOSES = Set.of("any", "immigration", "missing_reason", "vague_reason");
    static final Set<String> PROCESS = Set.of("judicial_warrant", "court_order", "court_subpoena");
    static final Set<String> STATUS = Set.of("enacted", "policy");
    static final Set<String> CONFIDENCE = Set.of("high", "medium", "low");
    private final Map<String, RulePack> packs;

    private RuleBook(Map<String, RulePack> packs) {
        this.packs = packs;
    }

    public static RuleBook load(Path userDir) {
        Map<String, RulePack> packs = new TreeMap<>();
        for (String name : lines(BASE + "index.txt")) {
            RulePack p = parse(bytes(RuleBook.class.getClassLoader().getResourceAsStream(BASE + name), BASE + name), BASE + name);
            packs.put(p.state(), p);
        }
        if (userDir != null) {
            if (!Files.isDirectory(userDir)) {
                throw new ConfigException("--rules " + userDir + ": not a folder of rule-pack YAML files");
            }
            try (Stream<Path> files = Files.list(userDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                    RulePack p = parse(Files.readAllBytes(f), f.toString());
                    packs.put(p.state(), p);
                }
            } catch (IOException e) {
                throw new ConfigException("--rules " + userDir + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return new RuleBook(packs);
    }

    public Map<String, RulePack> packs() {
        return packs;
    }

    public List<Rule> rules() {
        List<Rule> all = new ArrayList<>();
        packs.values().forEach(p -> all.addAll(p.rules()));
        return all;
    }

    /**
     * Checks that every component a rule names ({@code components}, {@code presumed_immigration_for})
     * is one the agency directory can give a requester: a typo ("ICE-EROO") would otherwise turn
     * the rule off without a word. The error names the pack's file, the rule and the field.
     */
    public void checkComponents(Set<String> known) {
        for (RulePack p : packs.values()) {
            for (Rule r : p.rules()) {
                for (String field : List.of("components", "presumed_immigration_for")) {
                    for (String c : field.equals("components") ? r.components() : r.presumedFor()) {
                        if (!known.contains(c)) {
                            throw err(p.origin(), r.id(), field, "'" + c + "' is no component the agency directory gives a"
                                    + " requester; use one of " + new java.util.TreeSet<>(known));
                        }
                    }
                }
            }
        }
    }

    /** The rule with this id, or null. */
    public Rule rule(String id) {
        for (RulePack p : packs.values()) {
            for (Rule r : p.rules()) {
                if (r.id().equals(id)) {
                    return r;
                }
            }
        }
        return null;
    }

    /** A digest of every pack's digest: one value that changes when any rule changes. */
    public String sha256() {
        StringBuilder b = new StringBuilder();
        packs.values().forEach(p -> b.append(p.state()).append(p.sha256()));
        return sha(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A pack as written; its rules are bound one by one, so that a mistake names its rule. */
    record PackLayout(String state, String name, String version, Boolean noRestriction, String note,
                      List<DefinitionLayout> definitions, List<JsonNode> rules) {
    }

    /** A law's definition of immigration enforcement, as written. */
    record DefinitionLayout(String id, List<String> covers, String text, String citation, String verification, String note,
                            String source) {
    }

    /** One rule as written. */
    record RuleLayout(String id, String data, String title, List<String> requesters, List<String> components,
                      List<String> purposes, List<String> presumedImmigrationFor, Boolean sideDoor, List<String> unlockedBy,
                      Boolean revocation, Boolean afterAgreementEnd, String effectiveFrom, String effectiveTo, String citation,
                      String cite, String because, String summary, String notice, String status, String confidence,
                      String verification, String note, String source, String definition) {
    }

    static RulePack parse(byte[] bytes, String origin) {
        PackLayout pack = Yaml.bind(Yaml.read(new ByteArrayInputStream(bytes), origin), PackLayout.class,
                m -> new ConfigException("rule pack " + origin + ": field '" + m.path() + "': " + what(m)));
        String state = text(pack.state(), "state", origin, null, true);
        if (!UsStates.shipped().isState(state)) {
            throw new ConfigException("rule pack " + origin + ": field 'state': '" + state + "' is not a two-letter state code");
        }
        boolean none = Boolean.TRUE.equals(pack.noRestriction());
        Map<String, PurposeDefinition> definitions = definitions(pack.definitions(), origin);
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> listed = pack.rules() == null ? List.of() : pack.rules();
        for (int i = 0; i < listed.size(); i++) {
            JsonNode node = listed.get(i);
            String label = node.path("id").isValueNode() && !node.path("id").asText().isBlank() ? node.path("id").asText().strip()
                    : "rules[" + i + "]";
            if (!node.isObject()) {
                throw err(origin, label, "rules[" + i + "]", "must be a mapping");
            }
            RuleLayout r = Yaml.bind(node, RuleLayout.class, m -> err(origin, label, m.path(), what(m)));
            String id = text(r.id(), "id", origin, label, true);
            if (!ids.add(id)) {
                throw err(origin, id, "id", "used twice in the pack");
            }
            String data = oneOf(r.data(), "data", DATA, origin, id);
            List<String> requesters = listOf(r.requesters(), "requesters", CLASSES, origin, id, true);
            List<String> purposes = listOf(r.purposes(), "purposes", PURPOSES, origin, id, true);
            List<String> unlocked = listOf(r.unlockedBy(), "unlocked_by", PROCESS, origin, id, false);
            String status = oneOf(r.status(), "status", STATUS, origin, id);
            String confidence = oneOf(r.confidence(), "confidence", CONFIDENCE, origin, id);
            LocalDate from = date(r.effectiveFrom(), "effective_from", origin, id);
            LocalDate to = date(r.effectiveTo(), "effective_to", origin, id);
            boolean revocation = Boolean.TRUE.equals(r.revocation());
            boolean afterAgreementEnd = Boolean.TRUE.equals(r.afterAgreementEnd());
            if (revocation && from == null && !afterAgreementEnd) {
                throw err(origin, id, "effective_from", "a revocation needs the date access was cut off (or 'after_agreement_end: true')");
            }
            String because = text(r.because(), "because", origin, id, true);
            PurposeDefinition definition = null;
            String defId = text(r.definition(), "definition", origin, id, false);
            if (purposes.contains("immigration")) {
                if (defId == null) {
                    throw err(origin, id, "definition", "missing: a rule on an immigration purpose names the pack's definition of"
                            + " immigration enforcement (one of " + definitions.keySet() + "), so that it is read as its statute reads it");
                }
                definition = definitions.get(defId);
                if (definition == null) {
                    throw err(origin, id, "definition", "'" + defId + "' is not one of the pack's definitions " + definitions.keySet());
                }
            } else if (defId != null) {
                throw err(origin, id, "definition", "only a rule whose purposes include 'immigration' names a definition");
            }
            rules.add(new Rule(state, id, data, text(r.title(), "title", origin, id, true), requesters, list(r.components()),
                    purposes, list(r.presumedImmigrationFor()), Boolean.TRUE.equals(r.sideDoor()), unlocked, revocation,
                    afterAgreementEnd, from, to, text(r.citation(), "citation", origin, id, true), text(r.cite(), "cite", origin, id, true),
                    because, text(r.summary(), "summary", origin, id, true), text(r.notice(), "notice", origin, id, false), status,
                    confidence, text(r.verification(), "verification", origin, id, false), text(r.note(), "note", origin, id, false),
                    text(r.source(), "source", origin, id, true), definition));
        }
        if (rules.isEmpty() && !none) {
            throw new ConfigException("rule pack " + origin + ": no rules; a state that restricts nothing says 'no_restriction: true'");
        }
        return new RulePack(state, text(pack.name(), "name", origin, null, true), text(pack.version(), "version", origin, null, true),
                none, text(pack.note(), "note", origin, null, false), rules, origin, sha(bytes));
    }

    /** The pack's definitions of immigration enforcement by id, each checked: what it covers, its citation, its text's standing. */
    private static Map<String, PurposeDefinition> definitions(List<DefinitionLayout> listed, String origin) {
        Map<String, PurposeDefinition> out = new java.util.LinkedHashMap<>();
        if (listed == null) {
            return out;
        }
        for (int i = 0; i < listed.size(); i++) {
            DefinitionLayout d = listed.get(i);
            String where = "definitions[" + i + "]";
            if (d.id() == null || d.id().isBlank()) {
                throw new ConfigException("rule pack " + origin + ": " + where + ": field 'id' is missing");
            }
            String id = d.id().strip();
            where = "definition '" + id + "'";
            List<String> covers = list(d.covers());
            if (covers.isEmpty() || !PurposeDefinition.PURPOSES.containsAll(covers)) {
                throw new ConfigException("rule pack " + origin + ": " + where + ": field 'covers': give one or both of "
                        + PurposeDefinition.PURPOSES);
            }
            if (d.citation() == null || d.citation().isBlank()) {
                throw new ConfigException("rule pack " + origin + ": " + where + ": field 'citation' is missing");
            }
            if (!PurposeDefinition.VERIFICATION.contains(d.verification())) {
                throw new ConfigException("rule pack " + origin + ": " + where + ": field 'verification': '" + d.verification()
                        + "' is not one of " + PurposeDefinition.VERIFICATION);
            }
            if ("seen_in_source".equals(d.verification()) && (d.text() == null || d.text().isBlank())) {
                throw new ConfigException("rule pack " + origin + ": " + where + ": a definition seen in its source quotes it in"
                        + " 'text'; one whose words were not read says 'verification: not_verified'");
            }
            if (out.put(id, new PurposeDefinition(id, covers, d.text() == null ? null : d.text().strip(), d.citation().strip(),
                    d.verification(), d.note(), d.source())) != null) {
                throw new ConfigException("rule pack " + origin + ": " + where + ": field 'id': used twice");
            }
        }
        return out;
    }

    /** A binding mistake in the pack's words. */
    private static String what(Yaml.Mistake m) {
        return m.problem() == Yaml.Problem.UNKNOWN_FIELD ? "unknown field; allowed: " + m.allowed() : "must be " + m.mustBe();
    }

    private static ConfigException err(String origin, String rule, String field, String what) {
        return new ConfigException("rule pack " + origin + ": rule '" + rule + "': field '" + field + "': " + what);
    }

    /** A value stripped of spaces; a blank one is missing. */
    private static String text(String v, String key, String origin, String rule, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                throw rule == null ? new ConfigException("rule pack " + origin + ": field '" + key + "' is missing")
                        : err(origin, rule, key, "missing");
            }
            return null;
        }
        return v.strip();
    }

    private static String oneOf(String value, String key, Set<String> allowed, String origin, String rule) {
        String v = text(value, key, origin, rule, true);
        if (!allowed.contains(v)) {
            throw err(origin, rule, key, "'" + v + "' is not one of " + new java.util.TreeSet<>(allowed));
        }
        return v;
    }

    private static List<String> list(List<String> v) {
        return v == null ? List.of() : v;
    }

    private static List<String> listOf(List<String> values, String key, Set<String> allowed, String origin, String rule, boolean required) {
        List<String> out = list(values);
        if (required && out.isEmpty()) {
            throw err(origin, rule, key, "missing; give one or more of " + new java.util.TreeSet<>(allowed));
        }
        for (String v : out) {
            if (!allowed.contains(v)) {
                throw err(origin, rule, key, "'" + v + "' is not one of " + new java.util.TreeSet<>(allowed));
            }
        }
        return out;
    }

    private static LocalDate date(String value, String key, String origin, String rule) {
        String v = text(value, key, origin, rule, false);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw err(origin, rule, key, "'" + v + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static byte[] bytes(InputStream in, String origin) {
        if (in == null) {
            throw new IllegalStateException("missing resource " + origin);
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + origin, e);
        }
    }

    private static List<String> lines(String resource) {
        String text = new String(bytes(RuleBook.class.getClassLoader().getResourceAsStream(resource), resource),
                java.nio.charset.StandardCharsets.UTF_8);
        return text.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }

    static String sha(byte[] bytes) {
        return org.queryaudit.base.Sha256.hex(bytes);
    }
}
