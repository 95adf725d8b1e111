package io.packcheck.core.catalog;

/**
 * A person's badge as the station knows it: scanning it logs a packer in, or lets a supervisor override.
 *
 * @param code the code printed on the badge (without the command prefix)
 */
public record Badge(String code, String name, Role role) {

    public enum Role {
        PACKER,
        SUPERVISOR
    }

    public Badge {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("badge code is empty");
        }
        name = name == null ? "" : name;
    }
}
