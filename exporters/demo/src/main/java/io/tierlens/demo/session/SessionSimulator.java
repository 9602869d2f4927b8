package io.tierlens.demo.session;

import io.tierlens.demo.Scenario;
import io.tierlens.session.testing.SpringSessionWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The users of the demo's WAS tier. Every tick it moves the number of logged-in users towards
 * {@code users × scenario.traffic(now)}: new users log in, some leave by logging out and others just walk away
 * (their sessions expire later). Logged-in users make requests, which touch their sessions. Every minute the
 * application's cleanup job runs, except during the scenario's 5xx burst, when the "stalled" WAS pods leave an
 * expiry backlog for the dashboard to show.
 *
 * <p>Most sessions use a 10-minute timeout; one user in eight comes through an older WAS build still configured
 * with 5 minutes, so {@code tierlens_session_max_inactive_interval_seconds} shows two values.
 */
public final class SessionSimulator {
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final Duration OLD_BUILD_TIMEOUT = Duration.ofMinutes(5);

    private final SpringSessionWriter writer;
    private final Scenario scenario;
    private final Clock clock;
    private final int users;
    private final Random random;
    private final List<SpringSessionWriter.Session> loggedIn = new ArrayList<>();
    /** Sessions nobody uses any more; kept until Spring Session would have cleaned them, for the index. */
    private final Map<String, String> principalsOfAbandoned = new HashMap<>();

    private long nextUser;
    private long lastCleanupMinute = Long.MIN_VALUE;

    public SessionSimulator(SpringSessionWriter writer, Scenario scenario, Clock clock, int users, long seed) {
        this.writer = writer;
        this.scenario = scenario;
        this.clock = clock;
        this.users = users;
        this.random = new Random(seed);
    }

    public int loggedIn() {
        return loggedIn.size();
    }

    /** One step of the simulation; call it about once a second. */
    public void tick() {
        Instant now = clock.instant();
        int target = (int) Math.round(users * scenario.traffic(now));
        int maxChange = Math.max(1, users / 50);
        if (loggedIn.size() < target) {
            for (int i = 0; i < Math.min(maxChange, target - loggedIn.size()); i++) {
                login(now);
            }
        } else if (loggedIn.size() > target) {
            for (int i = 0; i < Math.min(maxChange, loggedIn.size() - target); i++) {
                leave();
            }
        }
        // a quarter of the logged-in users make a request each tick
        for (int i = 0; i < loggedIn.size(); i++) {
            if (random.nextInt(4) == 0) {
                loggedIn.set(i, writer.touch(loggedIn.get(i), now));
            }
        }
        long minute = Math.floorDiv(now.toEpochMilli(), 60_000L);
        if (minute != lastCleanupMinute && !scenario.errorBurst(now)) {
            lastCleanupMinute = minute;
            Map<String, String> principals = new HashMap<>(principalsOfAbandoned);
            writer.cleanupExpired(now, principals);
        }
    }

    private void login(Instant now) {
        String user = "user-" + (nextUser++ % (users * 2L));
        Duration timeout = random.nextInt(8) == 0 ? OLD_BUILD_TIMEOUT : TIMEOUT;
        SpringSessionWriter.Session s =
                new SpringSessionWriter.Session(UUID.randomUUID().toString(), now, now, timeout, Optional.of(user));
        writer.create(s);
        loggedIn.add(s);
    }

    private void leave() {
        SpringSessionWriter.Session s = loggedIn.remove(random.nextInt(loggedIn.size()));
        if (random.nextInt(10) < 6) {
            writer.delete(s);
        } else {
            s.principal().ifPresent(p -> principalsOfAbandoned.put(s.id(), p));
            if (principalsOfAbandoned.size() > users * 20) {
                principalsOfAbandoned.clear();
            }
        }
    }
}
