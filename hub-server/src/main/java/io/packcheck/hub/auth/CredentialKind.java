package io.packcheck.hub.auth;

import java.util.Locale;

/** Who a secret belongs to; each kind may call only its own routes. */
public enum CredentialKind {
    /** An order system or integrator: the ops API. */
    APIKEY("pck_"),
    /** One pack station: the station API, as that station only. */
    STATION("pcs_"),
    /** A supervisor or admin person: the dashboard (issue 7). */
    USER("pcu_");

    private final String secretPrefix;

    CredentialKind(String secretPrefix) {
        this.secretPrefix = secretPrefix;
    }

    /** Lets a leaked secret be recognised by secret scanners and by people. */
    public String secretPrefix() {
        return secretPrefix;
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CredentialKind ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
