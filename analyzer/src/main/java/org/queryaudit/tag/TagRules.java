package org.queryaudit.tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.DataPattern;
import org.queryaudit.base.Yaml;

/** The reason-tagging patterns, validated when loaded: an error names the file, pattern and field. */
public record TagRules(int version, List<String> categories, List<TagPattern> patterns, OtherStateRule otherState,
                       String origin, List<String> purposes, Map<String, Beneficiary> beneficiaries, List<TagPattern> offences)
        implements Serializable {
    /** The category an offence pattern is kept under (no tag: it only reads the purpose). */
    public static final String OFFENCE = "other_offence";

    /**
     * An agency a reason can name as the one assisted.
     *
     * @param partOf      the agency it belongs to (ICE-HSI is part of ICE), or null
     * @param immigration whether it enforces immigration law
     */
    public record Beneficiary(String partOf, boolean immigration, String source) implements Serializable {
    }

    /** Whether {@code agency} is {@code whole} or part of it, directly or not. */
    public boolean within(String agency, String whole) {
        for (String a = agency; a != null; a = beneficiaries.containsKey(a) ? beneficiaries.get(a).partOf() : null) {
            if (a.equals(whole)) {
                return true;
            }
        }
        return false;
    }

    /** The agencies that enforce immigration law, in the file's order (ICE, ICE-HSI, CBP, ...). */
    public List<String> immigrationAgencies() {
        return beneficiaries.entrySet().stream().filter(e -> e.getValue().immigration()).map(Map.Entry::getKey).toList();
    }

    static final String RESOURCE = "queryaudit/patterns/reason-tags.yaml";
    static final Set<String> FIELDS = Set.of("reason", "case_number", "offense_type");

    /** The file as written. */
    record Layout(Integer version, java.util.LinkedHashMap<String, String> categories,
                  java.util.LinkedHashMap<String, String> purposes, java.util.LinkedHashMap<String, BeneficiaryLayout> beneficiaries,
                  List<PatternLayout> patterns, List<PatternLayout> offences, OtherLayout otherStateAgency) {
    }

    record BeneficiaryLayout(String partOf, Boolean immigration, String source) {
    }

    record PatternLayout(String id, String category, String beneficiary, String purpose, List<String> fields, List<String> triggers,
                         String regex, List<String> unless, Boolean whole, String source) {
    }

    record OtherLayout(String id, String category, List<String> fields, Integer window, List<String> agencyWords,
                       List<String> guards, List<String> ambiguousCodes, String source) {
    }

    public static TagRules shipped() {
        return parse(Yaml.shipped(RESOURCE), RESOURCE);
    }

    static TagRules parse(JsonNode root, String origin) {
        Layout layout = Yaml.bind(root, Layout.class, origin);
        List<String> categories = layout.categories() == null ? List.of() : List.copyOf(layout.categories().keySet());
        if (categories.isEmpty()) {
            throw new ConfigException(origin + ": field 'categories' is missing");
        }
        List<String> purposes = layout.purposes() == null ? List.of() : List.copyOf(layout.purposes().keySet());
        if (!purposes.containsAll(PURPOSES)) {
            throw new ConfigException(origin + ": field 'purposes' must list " + PURPOSES);
        }
        Map<String, Beneficiary> beneficiaries = new java.util.LinkedHashMap<>();
        if (layout.beneficiaries() != null) {
            layout.beneficiaries().forEach((name, b) -> beneficiaries.put(name, new Beneficiary(b.partOf(),
                    Boolean.TRUE.equals(b.immigration()), b.source() == null ? "" : b.source())));
        }
        beneficiaries.forEach((name, b) -> {
            if (b.partOf() != null && !beneficiaries.containsKey(b.partOf())) {
                throw new ConfigException(origin + ": beneficiary '" + name + "': field 'part_of': '" + b.partOf()
                        + "' is not one of " + beneficiaries.keySet());
            }
        });
        Set<String> ids = new HashSet<>();
        List<TagPattern> patterns = patterns(layout.patterns(), "patterns", categories, purposes, beneficiaries.keySet(), ids, origin);
        List<TagPattern> offences = patterns(layout.offences(), "offences", categories, purposes, beneficiaries.keySet(), ids, origin);
        OtherLayout o = layout.otherStateAgency();
        OtherStateRule other = null;
        if (o != null) {
            String where = origin + ": other_state_agency";
            for (String g : list(o.guards())) {
                DataPattern.compile(g, where + ": field 'guards'");
            }
            other = new OtherStateRule(text(o.id(), "id", where), text(o.category(), "category", where), list(o.fields()),
                    o.window() == null ? 25 : o.window(), list(o.agencyWords()), list(o.guards()), list(o.ambiguousCodes()),
                    o.source() == null ? "" : o.source());
        }
        return new TagRules(layout.version() == null ? 1 : layout.version(), categories, patterns, other, origin, purposes,
                java.util.Collections.unmodifiableMap(beneficiaries), offences);
    }

    /** The purposes the reader decides between; the file lists them with their meaning. */
    static final List<String> PURPOSES = List.of(PurposeReading.IMMIGRATION_CIVIL, PurposeReading.IMMIGRATION_CRIMINAL,
            PurposeReading.IMMIGRATION, PurposeReading.OTHER_OFFENCE, PurposeReading.NOT_STATED);
    /** The purposes a pattern may state: an offence pattern states another offence by being one. */
    static final Set<String> PATTERN_PURPOSES = Set.of(PurposeReading.IMMIGRATION_CIVIL, PurposeReading.IMMIGRATION_CRIMINAL,
            PurposeReading.IMMIGRATION);

    /**
     * The patterns of one list: {@code patterns} (each of a category) or {@code offences} (none:
     * each states another purpose than immigration). Ids are unique across both.
     */
    private static List<TagPattern> patterns(List<PatternLayout> listed, String list, List<String> categories, List<String> purposes,
                                             Set<String> beneficiaries, Set<String> ids, String origin) {
        boolean offence = list.equals("offences");
        List<TagPattern> out = new ArrayList<>();
        listed = listed == null ? List.of() : listed;
        for (int i = 0; i < listed.size(); i++) {
            PatternLayout p = listed.get(i);
            String id = text(p.id(), "id", origin + ": " + list + "[" + i + "]");
            String where = origin + ": pattern '" + id + "'";
            if (!ids.add(id)) {
                throw new ConfigException(where + ": field 'id': used twice");
            }
            String category;
            if (offence) {
                if (p.category() != null || p.purpose() != null || p.beneficiary() != null) {
                    throw new ConfigException(where + ": an offence states another purpose and tags nothing: give it no 'category',"
                            + " 'purpose' or 'beneficiary'");
                }
                category = OFFENCE;
            } else {
                category = text(p.category(), "category", where);
                if (!categories.contains(category)) {
                    throw new ConfigException(where + ": field 'category': '" + category + "' is not one of " + categories);
                }
            }
            if (p.purpose() != null && !PATTERN_PURPOSES.contains(p.purpose())) {
                throw new ConfigException(where + ": field 'purpose': '" + p.purpose() + "' is not one of "
                        + new java.util.TreeSet<>(PATTERN_PURPOSES));
            }
            if (p.beneficiary() != null && !beneficiaries.contains(p.beneficiary())) {
                throw new ConfigException(where + ": field 'beneficiary': '" + p.beneficiary() + "' is not one of the beneficiaries "
                        + beneficiaries);
            }
            List<String> fields = list(p.fields());
            for (String f : fields) {
                if (!FIELDS.contains(f)) {
                    throw new ConfigException(where + ": field 'fields': '" + f + "' is not one of " + new java.util.TreeSet<>(FIELDS));
                }
            }
            String regex = text(p.regex(), "regex", where);
            DataPattern.compile(regex, where + ": field 'regex'");
            List<String> unless = list(p.unless());
            for (String u : unless) {
                DataPattern.compile(u, where + ": field 'unless'");
            }
            out.add(new TagPattern(id, category, fields.isEmpty() ? List.of("reason") : fields, list(p.triggers()),
                    regex, unless, Boolean.TRUE.equals(p.whole()), p.source() == null ? "" : p.source(), p.beneficiary(),
                    p.purpose()));
        }
        return out;
    }

    private static String text(String v, String key, String where) {
        if (v == null || v.isBlank()) {
            throw new ConfigException(where + ": field '" + key + "' is missing");
        }
        return v;
    }

    private static List<String> list(List<String> v) {
        return v == null ? List.of() : v;
    }
}
