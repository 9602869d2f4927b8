package io.tierlens.contract.dashboards.model;

/** A value mapping: the exact value {@code value} is shown as {@code text} in {@code color}. */
public record ValueText(String value, String text, String color) {}
