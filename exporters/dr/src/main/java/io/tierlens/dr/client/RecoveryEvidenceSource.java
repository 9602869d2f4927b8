package io.tierlens.dr.client;

import java.io.IOException;

/** Reads {@link RecoveryEvidence} once per refresh (one consistent view for every site). */
public interface RecoveryEvidenceSource {
    RecoveryEvidence read() throws IOException;

    /** No source configured: nothing is known, nothing is read. */
    RecoveryEvidenceSource NONE = () -> RecoveryEvidence.NONE;
}
