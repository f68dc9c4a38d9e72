package org.queryaudit.report;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.queryaudit.evaluate.SharingAudit;

/** {@code sharing_audit.csv}: each share of an owner's network that the owner's state forbids. */
public final class SharingAuditReport {
    public static final String FILE = "sharing_audit.csv";
    static final List<String> HEADER = List.of("owner_agency", "owner_state", "organization", "organization_level",
            "organization_state", "organization_component", "networks_shared", "rule_id", "citation", "confidence",
            "rule_status", "explanation", "source_file", "source_line");

    private SharingAuditReport() {
    }

    public static long write(FileSystem fs, Path file, List<SharingAudit.Row> rows) throws IOException {
        List<Row> out = rows.stream().map(r -> RowFactory.create(r.ownerAgency(), r.ownerState(), r.organization(),
                r.organizationLevel(), r.organizationState(), r.organizationComponent(), r.networksShared(), r.ruleId(),
                r.citation(), r.confidence(), r.status(), r.explanation(), r.sourceFile(), r.sourceLine())).toList();
        return CsvTable.write(fs, file, HEADER, out.iterator());
    }
}
