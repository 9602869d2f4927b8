package io.tierlens.dr.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.dr.SiteConfig;
import io.tierlens.dr.model.DrillResult;
import io.tierlens.dr.model.FailoverRole;
import io.tierlens.pushgateway.client.HttpPushgatewayApi;
import io.tierlens.pushgateway.model.GroupingKey;
import io.tierlens.pushgateway.model.JobRun;
import io.tierlens.pushgateway.testing.PushgatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RPO and drill evidence read back from a real Pushgateway, after pushes made the way run-job makes them. */
class PushgatewayEvidenceSourceTest {
    private static final Instant DUMP_START = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant DUMP_END = Instant.parse("2026-11-21T02:40:00Z");

    private static PushgatewayProcess pushgateway;
    private static HttpPushgatewayApi api;

    @BeforeAll
    static void start() throws Exception {
        pushgateway = PushgatewayProcess.start();
        api = new HttpPushgatewayApi(pushgateway.url(), Duration.ofSeconds(5));
        // the nightly dump succeeded, then the next night's run failed
        api.pushAdd(GroupingKey.of("db-backup", "db-backup"), new JobRun(DUMP_START, DUMP_END, 0).metrics());
        api.pushAdd(
                GroupingKey.of("db-backup", "db-backup"),
                new JobRun(DUMP_START.plus(Duration.ofDays(1)), DUMP_END.plus(Duration.ofDays(1)), 2).metrics());
        // a drill onto the DR site that took 95 minutes
        api.pushAdd(
                GroupingKey.of("dr-drill", "dr-drill"),
                new JobRun(Instant.parse("2026-11-15T09:00:00Z"), Instant.parse("2026-11-15T10:35:00Z"), 0).metrics());
        // another instance of the dump, older
        api.pushAdd(
                GroupingKey.of("db-backup", "legacy"),
                new JobRun(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T00:10:00Z"), 0).metrics());
    }

    @AfterAll
    static void stop() {
        if (pushgateway != null) {
            pushgateway.close();
        }
    }

    private static SiteConfig dr(String copyInstance) {
        return new SiteConfig("dr", FailoverRole.SECONDARY, null, null, "db-backup", copyInstance, "dr-drill");
    }

    @Test
    void theNewestCopyIsTheStartOfTheLastSuccessfulDump() throws Exception {
        RecoveryEvidence e = new PushgatewayEvidenceSource(api).read();

        assertThat(e.newestCopy(dr(null))).contains(DUMP_START);
        assertThat(e.newestCopy(dr("db-backup"))).contains(DUMP_START);
        assertThat(e.newestCopy(dr("legacy"))).contains(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void theLastDrillCarriesItsDuration() throws Exception {
        RecoveryEvidence e = new PushgatewayEvidenceSource(api).read();

        assertThat(e.lastDrill(dr(null)))
                .contains(new DrillResult(Instant.parse("2026-11-15T10:35:00Z"), Optional.of(Duration.ofMinutes(95))));
    }

    @Test
    void sitesWithoutJobsOrWithUnknownJobsHaveNoEvidence() throws Exception {
        RecoveryEvidence e = new PushgatewayEvidenceSource(api).read();
        SiteConfig none = new SiteConfig("aws", FailoverRole.PRIMARY, null, null, null, null, null);
        SiteConfig unknown = new SiteConfig("dr", FailoverRole.SECONDARY, null, null, "no-such-job", null, "nope");

        assertThat(e.newestCopy(none)).isEmpty();
        assertThat(e.lastDrill(none)).isEmpty();
        assertThat(e.newestCopy(unknown)).isEmpty();
        assertThat(e.lastDrill(unknown)).isEmpty();
    }

    @Test
    void aPushgatewayThatIsDownIsAnIoError() {
        var down = new PushgatewayEvidenceSource(
                new HttpPushgatewayApi(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(2)));

        assertThatThrownBy(down::read).isInstanceOf(IOException.class);
    }
}
