package io.tierlens.session.model;

/**
 * What the budgeted SCAN of a namespace did in the last cycle.
 *
 * @param truncated the per-cycle time or key budget ran out before the pass finished; the pass resumes next cycle
 *     and counts published meanwhile come from the previous complete pass
 * @param keysExamined keys SCAN returned for this namespace's pattern in the cycle
 */
public record ScanStatus(boolean truncated, long keysExamined) {}
