package io.tierlens.session;

import io.tierlens.session.client.RawSessionFields;
import io.tierlens.session.client.RedisAccessException;
import io.tierlens.session.client.RedisNode;
import io.tierlens.session.client.RedisTopology;
import io.tierlens.session.client.ScanPage;
import io.tierlens.session.client.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An in-memory {@link SessionStore} for tests without I/O: one node, keys of a few types, SCAN with a cursor that
 * is the index into the sorted key list. Failures can be switched on to play a Redis that is down or refuses us.
 */
public final class FakeSessionStore implements SessionStore {
    public static final RedisNode NODE = new RedisNode("fake", 6379);

    private final TreeMap<String, Object> keys = new TreeMap<>();
    private String runId = "run-1";
    private RedisAccessException failure;
    public final AtomicInteger scanCalls = new AtomicInteger();
    public boolean closed;

    public FakeSessionStore put(String key, Object value) {
        keys.put(key, value);
        return this;
    }

    public FakeSessionStore hash(String key, RawSessionFields fields) {
        return put(key, fields);
    }

    public void clear() {
        keys.clear();
    }

    public void restart(String newRunId) {
        runId = newRunId;
    }

    public void failWith(RedisAccessException e) {
        failure = e;
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public RedisTopology topology() {
        check();
        return new RedisTopology(List.of(NODE), List.of(NODE));
    }

    @Override
    public String info(RedisNode node) {
        check();
        return "# Server\r\nrun_id:" + runId + "\r\n# Memory\r\nused_memory:1048576\r\nmaxmemory:0\r\n"
                + "# Clients\r\nconnected_clients:3\r\n# Stats\r\nevicted_keys:0\r\nkeyspace_hits:10\r\n"
                + "keyspace_misses:2\r\n";
    }

    @Override
    public ScanPage scan(RedisNode node, String cursor, String match, int count) {
        check();
        scanCalls.incrementAndGet();
        List<String> all = new ArrayList<>(keys.keySet());
        int from = Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + count);
        Pattern p = glob(match);
        List<String> out = all.subList(from, to).stream()
                .filter(k -> p.matcher(k).matches())
                .toList();
        return new ScanPage(to >= all.size() ? "0" : Integer.toString(to), out);
    }

    @Override
    public String type(String key) {
        check();
        Object v = keys.get(key);
        if (v == null) {
            return "none";
        }
        if (v instanceof ZSet) {
            return "zset";
        }
        return v instanceof RawSessionFields ? "hash" : "string";
    }

    /** A sorted set of member → score. */
    public record ZSet(Map<String, Double> members) {}

    @Override
    public long zcount(String key, String min, String max) {
        check();
        return 0;
    }

    @Override
    public List<Long> scard(List<String> ks) {
        check();
        return ks.stream().map(k -> 0L).toList();
    }

    @Override
    public List<byte[]> srandmember(String key, int count) {
        check();
        return List.of();
    }

    @Override
    public List<byte[]> zrandmember(String key, int count) {
        check();
        return List.of();
    }

    @Override
    public List<Optional<RawSessionFields>> sessionFields(List<String> sessionKeys) {
        check();
        return sessionKeys.stream()
                .map(k ->
                        keys.get(k) instanceof RawSessionFields f ? Optional.of(f) : Optional.<RawSessionFields>empty())
                .toList();
    }

    @Override
    public void close() {
        closed = true;
    }

    private static Pattern glob(String match) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < match.length(); i++) {
            char c = match.charAt(i);
            if (c == '\\' && i + 1 < match.length()) {
                re.append(Pattern.quote(String.valueOf(match.charAt(++i))));
            } else if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
