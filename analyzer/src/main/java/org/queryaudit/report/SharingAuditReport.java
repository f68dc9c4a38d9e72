package org.queryaudit.report;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.queryaudit.evaluate.SharingAudit;

/**
 * {@code sharing_audit.csv}: each share of an owner's network that the owner's state forbids;
 * {@code sharing_review.csv}: the shares whose recipient's class rests on weak or conflicting
 * evidence, same columns, never counted as findings.
 */
public final class SharingAuditReport {
    public static final String FILE = "sharing_audit.csv";
    public static final String REVIEW_FILE = "sharing_review.csv";
    static final List<String> HEADER = List.of("owner_agency", "owner_state", "organization", "organization_level",
            "organization_state", "organization_state_basis", "organization_component", "networks_shared", "rule_id", "citation", "confidence",
            "rule_status", "explanation", "source_file", "source_line");

    private SharingAuditReport() {
    }

    /** Writes the findings to {@code file} and those to review to {@code reviewFile}; returns {findings, to review}. */
    public static long[] write(FileSystem fs, Path file, Path reviewFile, List<SharingAudit.Row> rows) throws IOException {
        return new long[] {CsvTable.write(fs, file, HEADER, rows(rows, false).iterator()),
            CsvTable.write(fs, reviewFile, HEADER, rows(rows, true).iterator())};
    }

    private static List<Row> rows(List<SharingAudit.Row> rows, boolean review) {
        return rows.stream().filter(r -> (r.review() != null) == review).map(r -> RowFactory.create(r.ownerAgency(),
                r.ownerState(), r.organization(), r.organizationLevel(), r.organizationState(), r.organizationStateBasis(),
                r.organizationComponent(), r.networksShared(), r.ruleId(), r.citation(), r.confidence(), r.status(),
                r.explanation(), r.sourceFile(), r.sourceLine())).toList();
    }
}
