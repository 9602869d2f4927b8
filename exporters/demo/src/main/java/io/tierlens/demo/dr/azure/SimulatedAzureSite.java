package io.tierlens.demo.dr.azure;

import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.Scenario;
import io.tierlens.dr.client.ArmApi;
import io.tierlens.dr.client.DumpStoreApi;
import io.tierlens.dr.model.DumpObject;
import io.tierlens.dr.model.SiteResource;
import io.tierlens.dr.model.SiteResourceKind;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The demo's Azure DR site behind the dr exporter's own client interfaces, without any network: the resource group
 * holds a running VM ({@value #VM}) and a ready MySQL replica ({@value #DATABASE}), and the dump container fills as
 * {@link DumpArrivals} says.
 */
public final class SimulatedAzureSite implements ArmApi, DumpStoreApi {
    public static final String VM = "shop-dr-web";
    public static final String DATABASE = "shop-dr-db";

    private final Clock clock;
    private final DumpArrivals dumps;

    public SimulatedAzureSite(Scenario scenario) {
        this.clock = scenario.realClock();
        this.dumps = new DumpArrivals(scenario);
    }

    /** Answers the dr exporter's ARM and Blob clients (every resource group and store of the demo config). */
    public void install(DemoApiClients clients) {
        clients.register(ArmApi.class, t -> this);
        clients.register(DumpStoreApi.class, t -> this);
    }

    @Override
    public List<SiteResource> virtualMachines() {
        return List.of(new SiteResource(
                SiteResourceKind.VIRTUAL_MACHINE,
                VM,
                "running",
                "succeeded",
                Optional.empty(),
                true,
                Optional.empty()));
    }

    @Override
    public List<SiteResource> mysqlServers() {
        return List.of(new SiteResource(
                SiteResourceKind.MYSQL_FLEXIBLE_SERVER,
                DATABASE,
                "ready",
                "succeeded",
                Optional.of("replica"),
                true,
                Optional.of(clock.instant().minus(Duration.ofDays(7)))));
    }

    @Override
    public List<DumpObject> list() {
        return dumps.arrivedBy(clock.instant());
    }
}
