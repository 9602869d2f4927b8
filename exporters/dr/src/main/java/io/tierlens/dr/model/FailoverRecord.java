package io.tierlens.dr.model;

import java.util.List;

/**
 * A configured failover record and the record sets Route53 has for it (empty when it has no failover sets).
 *
 * @param record the record name, the {@code record} label
 * @param type A, AAAA or CNAME
 */
public record FailoverRecord(String record, String type, String accountId, List<FailoverRecordSet> sets) {
    public FailoverRecord {
        sets = List.copyOf(sets);
    }
}
