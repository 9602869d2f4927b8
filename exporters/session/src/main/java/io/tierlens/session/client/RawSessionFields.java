package io.tierlens.session.client;

import java.util.Optional;

/**
 * The raw bytes of the three bookkeeping fields of a session hash, as Redis returns them. A field the hash does
 * not have is empty. Session attributes are never read, so they cannot appear here.
 */
public record RawSessionFields(
        Optional<byte[]> creationTime, Optional<byte[]> lastAccessedTime, Optional<byte[]> maxInactiveInterval) {

    public boolean allMissing() {
        return creationTime.isEmpty() && lastAccessedTime.isEmpty() && maxInactiveInterval.isEmpty();
    }
}
