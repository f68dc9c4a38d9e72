package org.queryaudit.generate;

import java.time.Instant;

/**
 * One query to write into a generated export, before the export's own layout.
 *
 * @param planted      a row from planted.csv (a known finding) rather than background
 * @param lookbackDays how far its time frame reaches back, in days; 0 for the generator's usual frame
 * @param destination  an Nlets message's destination when not the log's own state (NL, an agency's ORI); else null
 */
record GenRow(Instant at, String requester, String ori, String user, String reason, String caseNumber,
              String type, String legalProcess, String target, boolean planted, int lookbackDays, String destination) {
}
