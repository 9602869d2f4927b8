package io.tierlens.cost.model;

/** Cost Explorer's unblended cost of one AWS service ("Amazon Elastic Compute Cloud - Compute", ...). */
public record ServiceCost(String service, double usd) {}
