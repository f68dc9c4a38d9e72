package org.queryaudit.generate;

import java.time.Instant;

/**
 * One query to write into a generated export, before the export's own layout.
 *
 * @param planted a row from planted.csv (a known finding) rather than background
 */
record GenRow(Instant at, String requester, String ori, String user, String reason, String caseNumber,
              String type, String legalProcess, String target, boolean planted) {
}
