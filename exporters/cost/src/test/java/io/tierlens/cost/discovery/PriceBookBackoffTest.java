package io.tierlens.cost.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.SpotPrice;
import io.tierlens.cost.model.StaticPrices;
import io.tierlens.cost.testing.Fakes;
import io.tierlens.kubernetes.model.InstanceShape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A denied or failing DescribeSpotPriceHistory was asked again at every cost refresh, so the refresh-errors alert
 * fired for as long as the permission was missing (issue 12). Failures back off: exponentially from 5 minutes to an
 * hour, and to the hour at once when access is denied.
 */
class PriceBookBackoffTest {
    private static final StaticPrices TABLE = new StaticPrices(
            Instant.parse("2025-11-01T00:00:00Z"), Map.of("c6i.large", 0.085, "m6i.large", 0.096), Map.of());
    private static final InstanceShape SPOT_A = new InstanceShape("c6i.large", "spot", "eu-west-1a");

    private final MutableClock clock = MutableClock.at("2026-01-10T12:00:00Z");
    private final Fakes.Pricing pricing = new Fakes.Pricing();
    private final Fakes.Spot spot = new Fakes.Spot();
    private final PriceBookRefresher refresher =
            new PriceBookRefresher(pricing, spot, TABLE, "eu-west-1", clock, Duration.ofHours(1), 0.35);

    private static AwsServiceException denied() {
        return AwsServiceException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("UnauthorizedOperation")
                        .build())
                .build();
    }

    /** Refreshes once a minute (the cost refresh) for {@code minutes}; returns the minutes at which spot failed. */
    private List<Long> refreshEveryMinute(long minutes, Set<String> types) {
        List<Long> failedAt = new ArrayList<>();
        for (long m = 0; m < minutes; m++) {
            List<PartialFailure> f = refresher.refresh(types, List.of());
            if (f.stream().anyMatch(p -> p.message().contains("DescribeSpotPriceHistory"))) {
                failedAt.add(m);
            }
            clock.advance(Duration.ofMinutes(1));
        }
        return failedAt;
    }

    @Test
    void anAccessDeniedSpotHistoryIsAskedAgainOnlyHourly() {
        pricing.usdByType.put("c6i.large", "0.0850000000");
        spot.failure = denied();

        List<Long> failedAt = refreshEveryMinute(150, Set.of("c6i.large"));

        assertThat(failedAt).containsExactly(0L, 60L, 120L);
        assertThat(spot.calls).hasSize(3);
    }

    @Test
    void otherFailuresBackOffExponentiallyFromFiveMinutesToAnHour() {
        pricing.usdByType.put("c6i.large", "0.0850000000");
        spot.failure = SdkClientException.create("unreachable");

        List<Long> failedAt = refreshEveryMinute(200, Set.of("c6i.large"));

        // 5, 10, 20, 40, then capped at 60 minutes
        assertThat(failedAt).containsExactly(0L, 5L, 15L, 35L, 75L, 135L, 195L);
    }

    @Test
    void aNewInstanceTypeDoesNotBypassTheBackoff() {
        spot.failure = denied();
        refresher.refresh(Set.of("c6i.large"), List.of());
        clock.advance(Duration.ofMinutes(10));

        List<PartialFailure> f = refresher.refresh(Set.of("c6i.large", "m6i.large"), List.of());

        assertThat(f).noneMatch(p -> p.message().contains("DescribeSpotPriceHistory"));
        assertThat(spot.calls).hasSize(1);
    }

    @Test
    void theLastGoodSpotPriceStaysWithItsAgeAndSuccessEndsTheBackoff() {
        Instant fetched = clock.instant();
        spot.history.add(new SpotPrice("c6i.large", "eu-west-1a", 0.031, fetched.minusSeconds(60)));
        refresher.refresh(Set.of("c6i.large"), List.of());
        clock.advance(Duration.ofHours(1));
        spot.failure = SdkClientException.create("unreachable");
        assertThat(refresher.refresh(Set.of("c6i.large"), List.of()))
                .extracting(PartialFailure::reason)
                .contains(FailureReason.UNREACHABLE);

        assertThat(refresher.book().node(SPOT_A)).contains(new Price(0.031, PricingSource.SPOT_HISTORY, fetched));

        spot.failure = null;
        clock.advance(Duration.ofMinutes(5));
        assertThat(refresher.refresh(Set.of("c6i.large"), List.of())).isEmpty();
        int calls = spot.calls.size();
        clock.advance(Duration.ofMinutes(5));
        refresher.refresh(Set.of("c6i.large"), List.of());
        assertThat(spot.calls).as("back to the hourly schedule").hasSize(calls);
    }
}
