/**
 * Test fixtures shared with the exporter modules through core's test-jar
 * ({@code <type>test-jar</type>}, scope test):
 *
 * <ul>
 *   <li>{@link io.tierlens.core.testing.MutableClock} — a clock the test moves;
 *   <li>{@link io.tierlens.core.testing.FakeCloudWatchApi} — GetMetricData from datapoints the test puts in
 *       or a function of the query, with every call recorded and requests checked like AWS checks them;
 *   <li>{@link io.tierlens.core.testing.TestEnvironment} — the real planner and self-metrics around per-target
 *       fakes of the client interfaces, on a {@code MutableClock};
 *   <li>{@link io.tierlens.core.testing.AwsWireMock} — WireMock standing in for AWS, with real SDK clients
 *       pointed at it (needs {@code wiremock-standalone} in test scope);
 *   <li>{@link io.tierlens.core.testing.FakeApiClients} — the client interfaces answered by the test's fakes;
 *   <li>{@link io.tierlens.core.testing.ScriptedExporter} — an exporter whose refreshes return, throw or block;
 *   <li>{@link io.tierlens.core.testing.Scraped} — values read by their exposed names
 *       ({@code tierlens_refresh_errors_total}) from snapshots or a registry;
 *   <li>{@link io.tierlens.core.testing.TextExposition} — renders snapshots as {@code /metrics} text and checks
 *       text against the exposition format;
 *   <li>{@link io.tierlens.core.testing.LogCapture} — what a class logged (needs {@code slf4j-jdk14} in test
 *       scope).
 * </ul>
 */
package io.tierlens.core.testing;
