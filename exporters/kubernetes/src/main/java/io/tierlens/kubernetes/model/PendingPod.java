package io.tierlens.kubernetes.model;

import java.time.Instant;

/**
 * A pod in phase Pending.
 *
 * @param reason bounded: {@code unschedulable}, {@code scheduling_gated}, {@code not_scheduled_yet},
 *     {@code starting} (bound to a node, containers not running yet) or {@code other}
 */
public record PendingPod(String namespace, String reason, Instant created) {}
