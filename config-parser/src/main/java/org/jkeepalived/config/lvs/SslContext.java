package org.jkeepalived.config.lvs;

import java.util.Optional;

/** The root {@code SSL} block used by SSL_GET checkers; all empty means keepalived generates its own context. */
public record SslContext(Optional<String> password, Optional<String> caFile, Optional<String> certificateFile,
                         Optional<String> keyFile) {
}
