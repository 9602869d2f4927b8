package io.tierlens.dr.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Route53's free-text status reports become a bounded reason. */
class FailureKindTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Failure: Connection timed out. The endpoint or the internet connection is down, or requests are being"
                        + " blocked by your firewall.|timeout",
                "Failure: Response timed out.|timeout",
                "Failure: Connection refused. The endpoint is down.|connection_refused",
                "Failure: HTTP Status Code 503, Service Unavailable|http_status",
                "Failure: The string \"OK\" was not found in the response body.|string_mismatch",
                "Failure: Search string not found|string_mismatch",
                "Failure: SSL handshake failed.|ssl",
                "Failure: Could not resolve the domain name.|dns",
                "Failure: something new from AWS|other",
                "|other"
            })
    void classifies(String status, String reason) {
        assertThat(FailureKind.ofStatusReport(status).label()).isEqualTo(reason);
    }
}
