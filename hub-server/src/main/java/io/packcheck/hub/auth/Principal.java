package io.packcheck.hub.auth;

import java.util.Optional;

/** The holder of a valid secret: an API key's name, a station id or a user name (with a role). */
public record Principal(CredentialKind kind, String name, Optional<String> role) {}
