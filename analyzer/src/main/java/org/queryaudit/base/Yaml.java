package org.queryaudit.base;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads YAML data files into a plain tree, and binds a tree to the records that describe the
 * file. Jackson's YAML reader builds only maps, lists and scalars: a YAML tag that would
 * construct an object is never honoured. Binding is strict (an unknown field is a mistake, not
 * ignored) and reports the first mistake as a {@link Mistake}, which each loader words in its
 * own file's terms.
 */
public final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    /** snake_case fields to camelCase record components; a single value stands for a list of one. */
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private Yaml() {
    }

    public static JsonNode read(InputStream in, String origin) {
        if (in == null) {
            throw new ConfigException(origin + ": missing from the build; rebuild queryaudit");
        }
        try (in) {
            JsonNode node = MAPPER.readTree(in);
            if (node == null || !node.isObject()) {
                throw new ConfigException(origin + ": not a YAML mapping; see the README's 'Formats' section for the layout");
            }
            return node;
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw new ConfigException(origin + ": invalid YAML: " + msg, e);
        }
    }

    /** A shipped data file, read from the class path. */
    public static JsonNode shipped(String resource) {
        return read(Yaml.class.getClassLoader().getResourceAsStream(resource), resource);
    }

    /**
     * One mistake in a file: where it is and what is wrong.
     *
     * @param parent  the path to the mapping that holds the field ("", "caps[0]", "columns.reason")
     * @param field   the field's name, with an index when the wrong value is a list's element
     * @param problem what is wrong
     * @param allowed for an unknown field, the fields the mapping knows (sorted)
     */
    public record Mistake(String parent, String field, Problem problem, List<String> allowed) {
        /** The path from the file's top: "caps[0].rows". */
        public String path() {
            return parent.isEmpty() ? field : parent + "." + field;
        }

        /** The mistake in the files' common words: "caps[0]: field 'rows' must be a number", "field 'x' is not known; use [...]". */
        public String inWords() {
            return (parent.isEmpty() ? "" : parent + ": ") + "field '" + field + "' "
                    + (problem == Problem.UNKNOWN_FIELD ? "is not known; use " + allowed : "must be " + mustBe());
        }

        /** What the value must be, in words ("a list"); for an unknown field, "a known field". */
        public String mustBe() {
            return switch (problem) {
                case UNKNOWN_FIELD -> "a known field";
                case NOT_A_LIST -> "a list";
                case NOT_A_MAPPING -> "a mapping";
                case NOT_A_NUMBER -> "a number";
                case NOT_A_BOOLEAN -> "true or false";
                case NOT_A_DATE -> "a date (YYYY-MM-DD)";
                default -> "a single value";
            };
        }
    }

    /** What can be wrong with a value as Jackson reads it; the loaders add their own checks after binding. */
    public enum Problem {
        UNKNOWN_FIELD, NOT_A_VALUE, NOT_A_LIST, NOT_A_MAPPING, NOT_A_NUMBER, NOT_A_BOOLEAN, NOT_A_DATE, OTHER
    }

    /** Binds a tree to a type; the first mistake is reported as "{@code origin}: " and {@link Mistake#inWords()}. */
    public static <T> T bind(JsonNode node, Class<T> type, String origin) {
        return bind(node, type, m -> new ConfigException(origin + ": " + m.inWords()));
    }

    /** Binds a tree to a type, or throws what {@code report} makes of the first mistake. */
    public static <T> T bind(JsonNode node, Class<T> type, Function<Mistake, ConfigException> report) {
        try {
            return BINDER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            ConfigException c = report.apply(mistake(e, node));
            if (c.getCause() == null) {
                c.initCause(e);
            }
            throw c;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mistake mistake(JsonMappingException e, JsonNode root) {
        List<JsonMappingException.Reference> path = new ArrayList<>(e.getPath());
        // A single value stands for a list of one: a wrong value where a list was expected shows as its element [0].
        JsonNode at = root;
        for (int i = 0; i < path.size(); i++) {
            JsonMappingException.Reference r = path.get(i);
            if (r.getFieldName() != null) {
                at = at.path(r.getFieldName());
            } else if (at.isArray()) {
                at = at.path(r.getIndex());
            } else {
                path = path.subList(0, i);
                Mistake m = mistake(path, e);
                return new Mistake(m.parent(), m.field(), Problem.NOT_A_LIST, List.of());
            }
        }
        return mistake(path, e);
    }

    private static Mistake mistake(List<JsonMappingException.Reference> path, JsonMappingException e) {
        // The field is the last name on the path, with any indexes after it ("fields[0]").
        int last = path.size() - 1;
        while (last > 0 && path.get(last).getFieldName() == null) {
            last--;
        }
        StringBuilder parent = new StringBuilder();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            JsonMappingException.Reference r = path.get(i);
            StringBuilder b = i < last ? parent : field;
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return new Mistake(parent.toString(), field.toString(), Problem.UNKNOWN_FIELD, List.copyOf(new TreeSet<>(known)));
        }
        // Jackson says "invalid format" only of a single value it could not read as the type.
        boolean scalar = e instanceof InvalidFormatException f && f.getValue() != null;
        Problem p = Problem.OTHER;
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            p = problem(BINDER.constructType(m.getTargetType()), scalar);
        }
        return new Mistake(parent.toString(), field.toString(), p, List.of());
    }

    /** @param scalar whether a single value was given (of the wrong kind), rather than a list or a mapping */
    private static Problem problem(JavaType target, boolean scalar) {
        Class<?> t = target.getRawClass();
        if (target.isCollectionLikeType() || target.isArrayType() || Collection.class.isAssignableFrom(t)) {
            return Problem.NOT_A_LIST;
        }
        if (Map.class.isAssignableFrom(t) || t.isRecord()) {
            return Problem.NOT_A_MAPPING;
        }
        if (!scalar) {
            return Problem.NOT_A_VALUE;
        }
        if (Number.class.isAssignableFrom(t) || t == int.class || t == long.class || t == double.class) {
            return Problem.NOT_A_NUMBER;
        }
        if (t == Boolean.class || t == boolean.class) {
            return Problem.NOT_A_BOOLEAN;
        }
        return Temporal.class.isAssignableFrom(t) ? Problem.NOT_A_DATE : Problem.NOT_A_VALUE;
    }
}
