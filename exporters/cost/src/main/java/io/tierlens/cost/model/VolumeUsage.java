package io.tierlens.cost.model;

/** EBS volume GB of one tier, priced at the gp3 GB-month rate. */
public record VolumeUsage(String tier, double gb, Source source) {}
