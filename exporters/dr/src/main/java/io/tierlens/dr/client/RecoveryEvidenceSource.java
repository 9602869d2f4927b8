package io.tierlens.dr.client;

import java.io.IOException;

/** Reads {@link RecoveryEvidence} once per refresh (one consistent view for every site). */
public interface RecoveryEvidenceSource {
    RecoveryEvidence read() throws IOException;

    /** The {@code target} label of the source in tierlens' health metrics (a Pushgateway's host:port). */
    default String target() {
        return "recovery_evidence";
    }

    /** No source configured: nothing is known, nothing is read. */
    RecoveryEvidenceSource NONE = () -> RecoveryEvidence.NONE;
}
