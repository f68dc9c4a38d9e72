package org.queryaudit.resolve;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.ingest.QueryEvent;

/**
 * Adds who asked to every event. Requesters repeat (a month holds millions of queries by a
 * few thousand agencies), so each distinct (name, ORI) is resolved once on an executor and
 * the result broadcast-joined back: no per-row lookup.
 */
public final class ResolveStage {
    public static final String LEVEL = "requester_level";
    public static final String STATE = "requester_state";
    public static final String DEPARTMENT = "requester_department";
    public static final String COMPONENT = "requester_component";
    public static final String IMMIGRATION = "immigration_agency";
    public static final String BASIS = "resolution_basis";
    public static final String INACTIVE = "requester_inactive";
    private static final String KEY_NAME = "_resolve_name";
    private static final String KEY_ORI = "_resolve_ori";
    static final StructType RESOLVED = new StructType()
            .add(KEY_NAME, DataTypes.StringType).add(KEY_ORI, DataTypes.StringType)
            .add(LEVEL, DataTypes.StringType, false).add(STATE, DataTypes.StringType)
            .add(DEPARTMENT, DataTypes.StringType).add(COMPONENT, DataTypes.StringType)
            .add(IMMIGRATION, DataTypes.BooleanType, false).add(BASIS, DataTypes.StringType, false)
            .add(INACTIVE, DataTypes.BooleanType, false);

    private ResolveStage() {
    }

    public static Dataset<Row> apply(Dataset<Row> events, AgencyResolver resolver) {
        Dataset<Row> keys = events.select(col(QueryEvent.REQUESTER_NAME).alias(KEY_NAME), col(QueryEvent.REQUESTER_ORI).alias(KEY_ORI))
                .distinct();
        Dataset<Row> resolved = keys.mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
            List<Row> out = new ArrayList<>();
            while (it.hasNext()) {
                Row k = it.next();
                Resolution r = resolver.resolve(k.getString(0), k.getString(1));
                out.add(RowFactory.create(k.getString(0), k.getString(1), r.level(), r.state(), r.department(), r.component(),
                        r.immigration(), r.basis(), r.inactive()));
            }
            return out.iterator();
        }, Encoders.row(RESOLVED));
        return events.join(broadcast(resolved), events.col(QueryEvent.REQUESTER_NAME).eqNullSafe(resolved.col(KEY_NAME))
                        .and(events.col(QueryEvent.REQUESTER_ORI).eqNullSafe(resolved.col(KEY_ORI))), "left")
                .drop(KEY_NAME, KEY_ORI);
    }
}
