package org.firewalldoors.jdbc;

import java.util.List;
import java.util.Objects;

/**
 * One numbered step of an owner's schema: statements that H2 and PostgreSQL both accept, written so that
 * running them on a database that already has what they create changes nothing ({@code IF NOT EXISTS}),
 * because databases made before versioning have their tables but no {@code schema_version} rows.
 *
 * @param version the step's number, from 1, one more than the step before
 * @param description what the step does, kept in {@code schema_version}
 * @param statements the SQL, run in order
 */
public record Migration(int version, String description, List<String> statements) {

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1: " + version);
        }
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("step " + version + " has no statement");
        }
    }

    /** @return the step with the given statements */
    public static Migration of(int version, String description, String... statements) {
        return new Migration(version, description, List.of(statements));
    }
}
