package org.queryaudit.engine;

import java.io.Serializable;

/**
 * What a report takes from the one pass as the pass derives each event (issue 24): each task
 * opens a part, is handed every event of the run's period as {@link EventDerivation#SCHEMA}'s
 * Java values, and closes the part when its rows end. A report fed this way need not read the
 * stored events again; fed from stored events instead ({@code report --store}), the same class
 * does the same work, so the two paths cannot drift.
 */
public interface EventFeed extends Serializable {
    /** This task's part. */
    Part open();

    /** One task's share of the feed. */
    interface Part {
        /** One event of the period, as derived (the values in {@link EventDerivation#SCHEMA}'s order). */
        void add(Object[] event);

        /** The task's rows have ended: the part is finished and made visible. */
        void close();
    }
}
