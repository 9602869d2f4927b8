package io.tierlens.dr.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One resource of the DR site and whether it could take traffic now.
 *
 * @param kind virtual machine or MySQL flexible server
 * @param name the Azure resource name (a name the operator chose, not a secret)
 * @param state the run state as Azure words it, normalised to a label value: {@code running}, {@code deallocated}
 *     (VM power state); {@code ready}, {@code stopped} (MySQL); {@code unknown} when Azure gave none
 * @param provisioningState {@code succeeded}, {@code failed}, {@code updating}, ...
 * @param replicationRole MySQL only: {@code none}, {@code source} or {@code replica}; empty for a VM
 * @param ready the standby could serve: a VM running and provisioned, a server {@code Ready}
 * @param earliestRestore MySQL only: the earliest point in time its backups can restore to
 */
public record SiteResource(
        SiteResourceKind kind,
        String name,
        String state,
        String provisioningState,
        Optional<String> replicationRole,
        boolean ready,
        Optional<Instant> earliestRestore) {}
