package io.tierlens.session.client;

import java.util.List;

/** One SCAN reply: the next cursor ({@code "0"} when the iteration is complete) and the keys. */
public record ScanPage(String cursor, List<String> keys) {

    public ScanPage {
        keys = List.copyOf(keys);
    }

    public boolean complete() {
        return "0".equals(cursor);
    }
}
