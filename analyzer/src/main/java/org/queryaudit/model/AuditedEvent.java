package org.queryaudit.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The canonical event with every stage's columns, as {@code events/} stores it: the event's
 * columns as read ({@link QueryEvent}), then who asked ({@link ResolveColumns}), why
 * ({@link TagColumns}), which door and data ({@link ClassifyColumns}) and which rules it
 * breaks ({@link ViolationColumns}), in pipeline order.
 */
public final class AuditedEvent {
    public static final StructType SCHEMA;

    static {
        List<StructField> fields = new ArrayList<>(List.of(QueryEvent.SCHEMA.fields()));
        fields.addAll(ResolveColumns.COLUMNS);
        fields.addAll(TagColumns.COLUMNS);
        fields.addAll(ClassifyColumns.COLUMNS);
        fields.addAll(ViolationColumns.COLUMNS);
        SCHEMA = new StructType(fields.toArray(StructField[]::new));
    }

    private AuditedEvent() {
    }
}
