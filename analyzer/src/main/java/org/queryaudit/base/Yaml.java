package org.queryaudit.base;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads YAML data files into a plain tree. Jackson's YAML reader builds only maps, lists
 * and scalars: a YAML tag that would construct an object is never honoured.
 */
public final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    public static JsonNode read(InputStream in, String origin) {
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
}
