package org.queryaudit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The requests a page made, from Chromium's net log (the browser's own background requests left out). */
final class NetLog {
    private NetLog() {
    }

    static List<String> pageRequests(Path netlog) throws IOException {
        JsonNode root = new ObjectMapper().readTree(netlog.toFile());
        int startJob = root.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
        List<String> urls = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            JsonNode p = e.path("params");
            // Chromium's own update, time and account checks have no origin; a page's requests carry one.
            if (e.path("type").asInt() == startJob && p.has("url") && !"not an origin".equals(p.path("initiator").asText())) {
                urls.add(p.path("url").asText());
            }
        }
        return urls;
    }

    static List<String> external(List<String> urls) {
        return urls.stream().filter(u -> !u.startsWith("file:") && !u.startsWith("data:")).toList();
    }
}
