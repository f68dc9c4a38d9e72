import java.sql.*;

/** The Nlets counterpart of ../shared/peers/DuckFull.java, the same job's shape on our Nlets
 *  message-log layout: read the CSV, tag reasons and federal requesters (by the agency letters of
 *  the originating ORI), write every event with its tags as Parquet, the flagged events as CSV and
 *  a per-agency-per-month report as CSV. Args: path-to-csv (a glob works) out-dir [threads].
 *  Prints rows, seconds. */
public final class DuckNlets {
  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    String csv = a[0].replace("'", "''"), out = a[1].replace("'", "''");
    new java.io.File(a[1]).mkdirs();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      if (a.length > 2) s.execute("SET threads=" + Integer.parseInt(a[2]));
      s.execute("CREATE TEMP TABLE ev AS SELECT *,"
          + " regexp_matches(reason, '(?i)\\b(ice|ero|hsi|cbp|usbp|border patrol|immigra\\w*|deport\\w*)\\b') AS imm,"
          + " regexp_matches(reason, '(?i)\\b(usms|marshals?|fbi|dea|atf|usss)\\b') AS fed_assist,"
          + " regexp_matches(originating_ori, '^[A-Z]{2}(ICE|HSI|CBP|FBI|DEA|ATF|USM)') AS fed_org,"
          + " CAST(timestamp AS TIMESTAMPTZ) AS occurred_at"
          + " FROM read_csv('" + csv + "', header=true, delim=',', quote='\"', escape='\"', all_varchar=true)");
      s.execute("COPY ev TO '" + out + "/events.parquet' (FORMAT parquet)");
      s.execute("COPY (SELECT * FROM ev WHERE imm OR fed_assist OR fed_org ORDER BY occurred_at) TO '" + out + "/flagged.csv' (HEADER)");
      s.execute("COPY (SELECT originating_ori, destination, strftime(occurred_at, '%Y-%m') AS month, count(*) AS queries,"
          + " count(*) FILTER (WHERE imm) AS immigration, count(*) FILTER (WHERE fed_assist) AS federal_assist,"
          + " count(*) FILTER (WHERE fed_org) AS federal FROM ev GROUP BY ALL ORDER BY ALL) TO '" + out + "/agency_report.csv' (HEADER)");
      long rows;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ev")) { rs.next(); rows = rs.getLong(1); }
      System.out.printf("duckdb-nlets rows=%d seconds=%.2f%n", rows, (System.nanoTime() - t0) / 1e9);
    }
  }
}
