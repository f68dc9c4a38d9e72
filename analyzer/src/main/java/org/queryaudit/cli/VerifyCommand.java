package org.queryaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.queryaudit.base.HadoopFiles;
import org.queryaudit.base.ConfigException;
import org.queryaudit.ingest.InputPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Re-hashes a run's inputs and outputs against its manifest.json and says whether the report",
            "still matches them. Exit 0 when everything matches, 1 when anything differs or is missing."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "OUT", description = "A queryaudit output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path manifestFile = out.resolve("manifest.json");
        if (!Files.isReadable(manifestFile)) {
            throw new ConfigException("verify: " + manifestFile + " not found; give the folder a queryaudit run wrote");
        }
        JsonNode m = new ObjectMapper().readTree(manifestFile.toFile());
        PrintWriter o = spec.commandLine().getOut();
        int bad = 0;
        int checked = 0;
        Configuration hadoop = HadoopFiles.configuration();
        for (JsonNode in : m.path("inputs")) {
            String path = in.path("path").asText();
            String uri = in.path("uri").asText(path);
            String expected = in.path("sha256").asText();
            String status;
            try (InputStream s = InputPlanner.toPath(uri).getFileSystem(hadoop).open(InputPlanner.toPath(uri))) {
                status = org.queryaudit.base.Sha256.hex(s).equals(expected) ? "ok" : "CHANGED";
            } catch (java.io.IOException e) {
                status = "MISSING";
            }
            checked++;
            if (!status.equals("ok")) {
                bad++;
            }
            o.printf("input   %-8s %s%n", status, path);
        }
        Iterator<Map.Entry<String, JsonNode>> outputs = m.path("output_sha256").fields();
        while (outputs.hasNext()) {
            Map.Entry<String, JsonNode> e = outputs.next();
            Path f = out.resolve(e.getKey());
            String status;
            if (!Files.isReadable(f)) {
                status = "MISSING";
            } else if (e.getValue().asText().startsWith("bytes:")) {
                status = ("bytes:" + Files.size(f)).equals(e.getValue().asText()) ? "ok" : "CHANGED";
            } else {
                try (InputStream s = Files.newInputStream(f)) {
                    status = org.queryaudit.base.Sha256.hex(s).equals(e.getValue().asText()) ? "ok" : "CHANGED";
                }
            }
            checked++;
            if (!status.equals("ok")) {
                bad++;
                o.printf("output  %-8s %s%n", status, e.getKey());
            }
        }
        o.printf("%d of %d files match the manifest%s%n", checked - bad, checked,
                bad == 0 ? ": the report still matches its inputs" : ": the report no longer matches (see above)");
        o.flush();
        return bad == 0 ? 0 : 1;
    }
}
