package org.jkeepalived.config.global;

/** global_defs and the process-wide root keywords. */
public record GlobalDefs(String routerId) {
}
