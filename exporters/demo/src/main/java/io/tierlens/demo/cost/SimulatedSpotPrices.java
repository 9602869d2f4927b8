package io.tierlens.demo.cost;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.cost.client.SpotPriceApi;
import io.tierlens.cost.model.SpotPrice;
import io.tierlens.cost.model.StaticPrices;
import io.tierlens.demo.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The demo's spot price history: 28–38% of the on-demand price, different per zone and hour, with zone a of
 * the demo region rising to 60% from minute 15 to 19 of every cycle (the market moving before the spot
 * interruption at minute 17). Each (type, zone) has an older and a newer entry, as the real history does.
 */
final class SimulatedSpotPrices implements SpotPriceApi {
    static final List<String> ZONES = List.of("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c");

    private final StaticPrices prices;
    private final Scenario scenario;
    private final ApiCallRecorder recorder;

    SimulatedSpotPrices(StaticPrices prices, Scenario scenario, ApiCallRecorder recorder) {
        this.prices = prices;
        this.scenario = scenario;
        this.recorder = recorder;
    }

    @Override
    public List<SpotPrice> spotPriceHistory(Collection<String> instanceTypes, Instant start) {
        recorder.recordRequest("ec2", "DescribeSpotPriceHistory", ApiOutcome.OK);
        long hour = scenario.elapsedAt(start).toHours();
        Duration inCycle = scenario.inCycle(start);
        boolean squeeze = inCycle.toMinutes() >= 15 && inCycle.toMinutes() < 19;
        List<SpotPrice> out = new ArrayList<>();
        for (String type : instanceTypes) {
            Double od = prices.ec2().get(type);
            if (od == null) {
                continue;
            }
            for (String zone : ZONES) {
                double ratio = 0.28 + 0.10 * Scenario.noise(type + zone, hour);
                if (squeeze && zone.endsWith("a")) {
                    ratio = 0.6;
                }
                double usd = Math.round(od * SimulatedPricing.REGION_MARKUP * ratio * 1e4) / 1e4;
                out.add(new SpotPrice(type, zone, usd * 1.05, start.minus(Duration.ofHours(3))));
                out.add(new SpotPrice(type, zone, usd, start.minus(Duration.ofMinutes(40))));
            }
        }
        return out;
    }
}
