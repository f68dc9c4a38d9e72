package org.queryaudit.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.queryaudit.ingest.QueryEvent;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.tag.TagStage;
import scala.jdk.javaapi.CollectionConverters;

/** Packs an event's columns into one struct for a classify or evaluate function, and back into {@link EventFacts}. */
public final class FactsColumns {
    public static final String PATHWAY = "pathway";

    private FactsColumns() {
    }

    /** @param withPathway whether the pathway column exists yet */
    public static Column struct(boolean withPathway) {
        return org.apache.spark.sql.functions.struct(col(QueryEvent.OWNER_AGENCY), col(QueryEvent.OWNER_STATE),
                col(QueryEvent.SOURCE_SYSTEM), col(QueryEvent.LOCAL_DATE), col(QueryEvent.REQUESTER_NAME),
                col(QueryEvent.REQUESTER_ORI), col(ResolveStage.LEVEL), col(ResolveStage.STATE), col(ResolveStage.COMPONENT),
                col(ResolveStage.IMMIGRATION), col(TagStage.TAGS), col(QueryEvent.REASON), col(QueryEvent.LEGAL_PROCESS),
                withPathway ? col(PATHWAY) : lit(null).cast("string"));
    }

    public static EventFacts facts(Row r) {
        scala.collection.Seq<String> tags = r.getAs(10);
        Object date = r.get(3);
        LocalDate local = date instanceof LocalDate d ? d : date instanceof java.sql.Date d ? d.toLocalDate() : null;
        return new EventFacts(r.getString(0), r.getString(1), r.getString(2), local, r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), !r.isNullAt(9) && r.getBoolean(9),
                tags == null ? java.util.List.of() : CollectionConverters.asJava(tags), r.getString(11), r.getString(12),
                r.getString(13));
    }
}
