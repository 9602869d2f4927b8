package io.tierlens.demo.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.demo.fault.DemoFaults.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultFileTest {
    @TempDir
    Path dir;

    @Test
    void appliesTheFileAndKeepsTheLastGoodStateWhenItCannotBeParsed() throws Exception {
        Path file = dir.resolve("faults");
        DemoFaults faults = new DemoFaults();
        FaultFile watched = new FaultFile(file, faults);

        watched.poll();
        assertThat(faults.down()).as("no file: everything up").isEmpty();

        Files.writeString(file, "aws=down\nredis=down\n");
        watched.poll();
        assertThat(faults.down()).containsExactlyInAnyOrder(Source.AWS, Source.REDIS);

        Files.writeString(file, "aws=dow");
        watched.poll();
        assertThat(faults.down())
                .as("a half-written file changes nothing")
                .containsExactlyInAnyOrder(Source.AWS, Source.REDIS);

        Files.writeString(file, "aws=down\n");
        watched.poll();
        assertThat(faults.down()).containsExactly(Source.AWS);

        Files.delete(file);
        watched.poll();
        assertThat(faults.down()).isEmpty();
    }
}
