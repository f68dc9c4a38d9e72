package org.queryaudit.engine;

import java.io.Serializable;

/**
 * Which derived events the pass writes a second time, apart ({@link org.queryaudit.ingest.RowKind#FLAGGED}):
 * decided by the report that reads them, on the event's values in {@link EventDerivation#SCHEMA}'s order.
 * It may choose more than that report lists, never fewer: the report selects again from the copies.
 */
@FunctionalInterface
public interface EventSelection extends Serializable {
    boolean test(Object[] event);
}
