package io.tierlens.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    private static LogRecord record(String message) {
        LogRecord r = new LogRecord(Level.WARNING, message);
        r.setLoggerName("io.tierlens.core.exporter.ExporterRunner");
        r.setMillis(1_700_000_000_000L);
        return r;
    }

    @Test
    void jsonIsOneValidObjectPerLineEvenWithQuotesAndNewlines() throws Exception {
        String line = new JsonFormatter().format(record("exporter=alb failed: \"boom\"\nsecond line\ttab"));
        assertThat(line).endsWith("}\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("ExporterRunner");
        assertThat(json.get("message").asText()).isEqualTo("exporter=alb failed: \"boom\"\nsecond line\ttab");
        assertThat(json.get("time").asText()).isEqualTo("2023-11-14T22:13:20Z");
    }

    @Test
    void humanFormatKeepsOneEventOnOneLine() {
        String line = new HumanFormatter().format(record("first\nsecond"));
        assertThat(line).isEqualTo("2023-11-14T22:13:20Z WARN  ExporterRunner: first\\nsecond\n");
    }

    @Test
    void levelsParseLikeTheFlagSays() {
        assertThat(LogSetup.parse("debug")).isEqualTo(Level.FINE);
        assertThat(LogSetup.parse("WARN")).isEqualTo(Level.WARNING);
        assertThat(LogSetup.parse("nonsense")).isEqualTo(Level.INFO);
    }
}
