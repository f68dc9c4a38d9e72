package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The linked search rows ({@code k:}, {@code x:}) grouped by search in one sort (issue 24), for
 * both grains that need them: {@link SearchGrain} (each agency_report row's searches) and
 * {@link SearchReport} (the owners, rows and files a search reached). The rows are shuffled by
 * their search's 96-bit digest and sorted by it, then by agency_report row, and each task walks
 * its sorted rows once. What it emits is small: per agency_report row its searches and flag sums
 * and its distinct (search, user) pairs' users, and a reach only for a search that is more than
 * one row (or lacks an owner or file); a search of one row reached its one owner, row and file,
 * which searches.csv already knows from that row.
 *
 * <p>Why not Spark's aggregation: ten million nearly distinct searches made its map-side partial
 * aggregation a full hash table that reduced nothing (10 of the grain's 15 s at 10 M rows), and
 * the owners' reach was a second scan of the search rows.
 */
public final class SearchGroups {
    static final String KIND = "kind";
    /** A per-row partial: {@link SearchRows#LINE}, searches in {@link #SEARCHES}, flag sums in {@link #flagSum}. */
    static final int LINE_SUMS = 0;
    /** A (row, user) pair: {@link SearchRows#LINE} and {@link SearchRows#USER}. */
    static final int LINE_USER = 1;
    /** A search's reach: {@link SearchRows#SEARCH}, {@link SearchRows#SEARCH_CHECK}, owners, rows, files. */
    static final int REACH = 2;
    static final String SEARCHES = "n";
    static final String OWNERS = "owners";
    static final String OWNER_ROWS = "owner_rows";
    static final String SOURCE_FILES = "source_files";
    static final StructType SCHEMA;

    static {
        StructType s = new StructType().add(KIND, DataTypes.IntegerType, false).add(SearchRows.LINE, DataTypes.LongType, true)
                .add(SearchRows.USER, DataTypes.LongType, true).add(SEARCHES, DataTypes.LongType, true);
        for (int i = 0; i < SearchRows.FLAG_COUNT; i++) {
            s = s.add(flagSum(i), DataTypes.LongType, true);
        }
        SCHEMA = s.add(SearchRows.SEARCH, DataTypes.LongType, true).add(SearchRows.SEARCH_CHECK, DataTypes.IntegerType, true)
                .add(OWNERS, DataTypes.createArrayType(DataTypes.LongType, false), true)
                .add(OWNER_ROWS, DataTypes.LongType, true).add(SOURCE_FILES, DataTypes.LongType, true);
    }

    private final Dataset<Row> groups;

    private SearchGroups(Dataset<Row> groups) {
        this.groups = groups;
    }

    static String flagSum(int bit) {
        return "f" + bit;
    }

    /** Groups the linked search rows; kept until {@link #unpersist}. */
    public static SearchGroups of(Dataset<Row> searchRows) {
        Dataset<Row> sorted = searchRows.filter(col(SearchRows.LINKED))
                .select(col(SearchRows.LINE), col(SearchRows.SEARCH), col(SearchRows.SEARCH_CHECK), col(SearchRows.FLAGS),
                        col(SearchRows.USER), col(SearchRows.OWNER), col(SearchRows.FILE))
                .repartition(col(SearchRows.SEARCH), col(SearchRows.SEARCH_CHECK))
                .sortWithinPartitions(col(SearchRows.SEARCH), col(SearchRows.SEARCH_CHECK), col(SearchRows.LINE));
        // Walked as Spark's own rows: converting ten million sorted rows to Row objects cost more than the walk.
        org.apache.spark.api.java.JavaRDD<Row> walked = sorted.queryExecution().toRdd().toJavaRDD()
                .mapPartitions(Walk::new);
        Dataset<Row> groups = sorted.sparkSession().createDataFrame(walked, SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
        return new SearchGroups(groups);
    }

    /** The per-row partials and (row, user) pairs, in {@link #SCHEMA}'s columns up to the flag sums. */
    Dataset<Row> lines() {
        return groups.filter(col(KIND).notEqual(org.apache.spark.sql.functions.lit(REACH)));
    }

    /** The reach of every search of more than one row (or one lacking an owner or file): search, check, owners, rows, files. */
    Dataset<Row> reach() {
        return groups.filter(col(KIND).equalTo(org.apache.spark.sql.functions.lit(REACH)))
                .select(col(SearchRows.SEARCH), col(SearchRows.SEARCH_CHECK), col(OWNERS), col(OWNER_ROWS), col(SOURCE_FILES));
    }

    public void unpersist() {
        groups.unpersist();
    }

    /**
     * One task's walk over its rows, sorted by search, check and agency_report row. A search
     * counts once per agency_report row it is in, with its copies' flags merged (bitwise or) and
     * the least of their users; its reach counts every row. Reaches stream out as their searches
     * end; the per-row partials follow the last row.
     */
    static final class Walk implements Iterator<Row> {
        private final Iterator<InternalRow> sorted;
        private final java.util.ArrayDeque<Row> ready = new java.util.ArrayDeque<>();
        private boolean done;
        private final Map<Long, long[]> sums = new HashMap<>();
        private final Map<Long, HashSet<Long>> users = new HashMap<>();
        // The search being walked.
        private boolean open;
        private long search;
        private int check;
        private long rows;
        private boolean lacking;
        private final TreeSet<Long> owners = new TreeSet<>();
        private final HashSet<Long> files = new HashSet<>();
        // Its copies in one agency_report row.
        private long line;
        private int flags;
        private Long user;

        Walk(Iterator<InternalRow> sorted) {
            this.sorted = sorted;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && !done) {
                step();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return ready.poll();
        }

        /** Takes the next sorted row, or, after the last, ends the walk. */
        private void step() {
            if (!sorted.hasNext()) {
                endSearch();
                emit();
                done = true;
                return;
            }
            InternalRow r = sorted.next();
            long l = r.getLong(0);
            long s = r.getLong(1);
            int t = r.getInt(2);
            if (!open || s != search || t != check) {
                endSearch();
                open = true;
                search = s;
                check = t;
                startLine(l);
            } else if (l != line) {
                endLine();
                startLine(l);
            }
            flags |= r.getInt(3);
            if (!r.isNullAt(4)) {
                long u = r.getLong(4);
                user = user == null || u < user ? u : user;
            }
            rows++;
            if (r.isNullAt(5) || r.isNullAt(6)) {
                lacking = true;
            }
            if (!r.isNullAt(5)) {
                owners.add(r.getLong(5));
            }
            if (!r.isNullAt(6)) {
                files.add(r.getLong(6));
            }
        }

        private void startLine(long l) {
            line = l;
            flags = 0;
            user = null;
        }

        private void endLine() {
            long[] s = sums.computeIfAbsent(line, k -> new long[1 + SearchRows.FLAG_COUNT]);
            s[0]++;
            for (int i = 0; i < SearchRows.FLAG_COUNT; i++) {
                s[1 + i] += (flags >>> i) & 1;
            }
            if (user != null) {
                users.computeIfAbsent(line, k -> new HashSet<>()).add(user);
            }
        }

        private void endSearch() {
            if (!open) {
                return;
            }
            endLine();
            if (rows > 1 || lacking) {
                Object[] v = new Object[SCHEMA.size()];
                v[0] = REACH;
                int at = 4 + SearchRows.FLAG_COUNT;
                v[at] = search;
                v[at + 1] = check;
                v[at + 2] = scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<>(owners)).toSeq();
                v[at + 3] = rows;
                v[at + 4] = (long) files.size();
                ready.add(RowFactory.create(v));
            }
            open = false;
            rows = 0;
            lacking = false;
            owners.clear();
            files.clear();
        }

        private void emit() {
            sums.forEach((l, s) -> {
                Object[] v = new Object[SCHEMA.size()];
                v[0] = LINE_SUMS;
                v[1] = l;
                for (int i = 0; i < s.length; i++) {
                    v[3 + i] = s[i];
                }
                ready.add(RowFactory.create(v));
            });
            users.forEach((l, us) -> us.forEach(u -> {
                Object[] v = new Object[SCHEMA.size()];
                v[0] = LINE_USER;
                v[1] = l;
                v[2] = u;
                ready.add(RowFactory.create(v));
            }));
        }
    }
}
