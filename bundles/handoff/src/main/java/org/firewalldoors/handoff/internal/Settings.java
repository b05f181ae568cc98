package org.firewalldoors.handoff.internal;

import java.util.Arrays;
import java.util.List;

/** List settings, whether they come as an array (a {@code .config} file) or as one comma-separated string ({@code .cfg}). */
final class Settings {

    private Settings() {
    }

    /** @return the trimmed, non-empty values */
    static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
