package org.queryaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.queryaudit.ingest.FormatProfile;
import org.queryaudit.ingest.InputFile;

/**
 * {@code manifest.json}: how the run was made and what it read, so a reader can trace every
 * number to its inputs. The only output that holds the time of the run. Written last.
 */
public final class Manifest {
    public static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode root = JSON.createObjectNode();

    public Manifest(String toolVersion) {
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "queryaudit");
        tool.put("version", toolVersion);
    }

    public ObjectNode root() {
        return root;
    }

    public void run(Instant started, Instant finished, String master, String sparkVersion, List<String> command) {
        ObjectNode run = root.putObject("run");
        run.put("started", started.toString());
        run.put("finished", finished.toString());
        run.put("spark_master", master);
        run.put("spark_version", sparkVersion);
        ArrayNode cmd = run.putArray("command");
        command.forEach(cmd::add);
    }

    public void profiles(List<FormatProfile> used) {
        ArrayNode arr = root.putArray("profiles");
        used.stream().distinct().sorted(java.util.Comparator.comparing(FormatProfile::id)).forEach(p -> {
            ObjectNode n = arr.addObject();
            n.put("id", p.id());
            n.put("version", p.version());
            n.put("origin", p.origin());
        });
    }

    public void period(String month, java.time.LocalDate from, java.time.LocalDate to) {
        ObjectNode n = root.putObject("period");
        n.put("month", month);
        n.put("from", from == null ? null : from.toString());
        n.put("to", to == null ? null : to.toString());
        n.put("months_are", "calendar months in the owner's state time zone");
    }

    /** @param lines the check of the rows against the file's lines; null for inputs not read as events (sharing) */
    public void input(InputFile f, String sha256, RowCounts rows, LineCheck lines) {
        ArrayNode arr = root.has("inputs") ? (ArrayNode) root.get("inputs") : root.putArray("inputs");
        ObjectNode n = arr.addObject();
        n.put("path", f.displayPath());
        n.put("uri", f.uri());
        n.put("kind", f.profile() == null ? "empty" : f.profile().kind() == FormatProfile.Kind.SHARING ? "sharing" : "events");
        n.put("format", f.formatId());
        n.put("format_basis", f.formatBasis());
        n.put("owner_agency", f.ownerAgency());
        n.put("owner_state", f.ownerState());
        n.put("owner_basis", f.ownerBasis());
        n.put("bytes", f.size());
        n.put("sha256", sha256);
        n.put("delimiter", String.valueOf((char) f.delimiter()));
        n.set("rows", rows(rows));
        if (lines != null) {
            ObjectNode l = n.putObject("lines");
            l.put("physical", lines.physical());
            l.put("before_data", lines.header());
            l.put("empty_at_end", lines.trailingBlank());
            l.put("accounted_by_rows", lines.accounted());
            l.put("check", lines.ok() ? "ok" : "mismatch");
        }
    }

    /** The versions and digests of the reference data the run used. */
    public void reference(org.queryaudit.resolve.AgencyDirectory directory, org.queryaudit.tag.TagRules tags,
                          org.queryaudit.evaluate.RuleBook rules, int redactionVersion) {
        ObjectNode ref = root.putObject("reference");
        ref.put("agency_directory_rows", directory.rows().size());
        ref.put("agency_directory_version", directory.version());
        ref.put("reason_patterns_version", tags.version());
        ref.put("reason_patterns", tags.patterns().size());
        ref.put("redaction_markers_version", redactionVersion);
        ref.put("rule_packs_sha256", rules.sha256());
        ArrayNode packs = ref.putArray("rule_packs");
        rules.packs().values().forEach(p -> {
            ObjectNode n = packs.addObject();
            n.put("state", p.state());
            n.put("version", p.version());
            n.put("rules", p.rules().size());
            n.put("no_restriction", p.noRestriction());
            n.put("origin", p.origin());
            n.put("sha256", p.sha256());
        });
    }

    /** The SHA-256 of every data file the run read, by path ({@link org.queryaudit.reference.DataFiles}). */
    public void dataFiles(java.util.Map<String, String> digests) {
        ObjectNode n = root.putObject("data_files_sha256");
        digests.forEach(n::put);
    }

    public void sensitive(List<String> columns, boolean shown, String keySource) {
        ObjectNode n = root.putObject("sensitive");
        ArrayNode c = n.putArray("columns");
        columns.forEach(c::add);
        n.put("treatment", shown ? "shown in clear (--show-sensitive)" : "keyed SHA-256 hash, 'h:' + 16 hex characters");
        n.put("key", keySource);
    }

    /** Every output file's SHA-256, so {@code queryaudit verify} can tell a changed report. */
    public void outputDigests(Map<String, String> digests) {
        ObjectNode n = root.putObject("output_sha256");
        digests.forEach(n::put);
    }

    /** Wall seconds per stage (run-dependent, like the run's times: only in the manifest). */
    public void timings(Map<String, Double> seconds) {
        ObjectNode n = root.putObject("timings_seconds");
        seconds.forEach((k, v) -> n.put(k, Math.round(v * 10) / 10.0));
    }

    public void totals(RowCounts rows) {
        root.set("rows", rows(rows));
    }

    public void outputs(Map<String, Long> rowsPerOutput) {
        ObjectNode n = root.putObject("outputs");
        rowsPerOutput.forEach(n::put);
    }

    public void warnings(List<String> warnings) {
        ArrayNode arr = root.putArray("warnings");
        warnings.forEach(arr::add);
    }

    private static ObjectNode rows(RowCounts r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("read", r.read());
        n.put("accepted", r.accepted());
        n.put("duplicate", r.duplicate());
        n.put("quarantined", r.quarantined());
        n.put("selected", r.selected());
        return n;
    }

    public void write(FileSystem fs, Path file) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            JSON.writeValue(out, root);
        }
    }
}
