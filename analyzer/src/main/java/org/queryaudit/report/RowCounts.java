package org.queryaudit.report;

/**
 * Where an input's rows ended: {@code read = accepted + duplicate + quarantined}. Of the
 * accepted rows, {@code selected} fall inside the run's period (all of them without one).
 */
public record RowCounts(long read, long accepted, long duplicate, long quarantined, long selected) {
    public static final RowCounts ZERO = new RowCounts(0, 0, 0, 0, 0);

    public RowCounts plus(RowCounts o) {
        return new RowCounts(read + o.read, accepted + o.accepted, duplicate + o.duplicate,
                quarantined + o.quarantined, selected + o.selected);
    }
}
