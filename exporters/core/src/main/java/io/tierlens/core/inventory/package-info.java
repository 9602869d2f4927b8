/**
 * What one exporter discovered, published for another to read without a dependency between their modules: the
 * ALB and RDS exporters publish load balancers and DB instances after each refresh, the cost exporter prices them.
 */
package io.tierlens.core.inventory;
