package io.tierlens.rds.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One pending maintenance action of DescribePendingMaintenanceActions.
 *
 * @param resourceArn the instance or cluster the action applies to
 * @param action e.g. {@code system-update}, {@code db-upgrade}, {@code hardware-maintenance},
 *     {@code ca-certificate-rotation} (a small set defined by AWS, fit for a label)
 * @param applyAt when AWS applies it without being asked: the earlier of the forced apply date and the
 *     auto-applied-after date, or the date the action is scheduled for when someone opted in
 */
public record PendingMaintenance(String resourceArn, String action, Optional<Instant> applyAt) {}
