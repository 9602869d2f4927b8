package io.tierlens.helm;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The instructions of a Dockerfile: comments dropped, continuation lines joined. Enough to check ours. */
record DockerfileInstructions(List<Instruction> instructions) {
    record Instruction(String keyword, String arguments) {
        /** The exec form {@code ["a", "b"]} of ENTRYPOINT and CMD. */
        List<String> execForm() {
            try {
                return Manifests.JSON.readValue(arguments, new TypeReference<List<String>>() {});
            } catch (IOException e) {
                throw new UncheckedIOException(keyword + " is not in exec form: " + arguments, e);
            }
        }
    }

    static DockerfileInstructions parse(String text) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.length() == 0)) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String joined = pending.toString().strip();
            pending.setLength(0);
            if (joined.isEmpty()) {
                continue;
            }
            int space = joined.indexOf(' ');
            out.add(new Instruction(
                    joined.substring(0, space).toUpperCase(Locale.ROOT),
                    joined.substring(space + 1).strip()));
        }
        return new DockerfileInstructions(List.copyOf(out));
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The last one counts, as in Docker. */
    Instruction last(String keyword) {
        List<Instruction> found = all(keyword);
        if (found.isEmpty()) {
            throw new AssertionError("Dockerfile has no " + keyword);
        }
        return found.get(found.size() - 1);
    }
}
