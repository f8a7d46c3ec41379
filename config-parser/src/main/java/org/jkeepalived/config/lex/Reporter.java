package org.jkeepalived.config.lex;

import org.jkeepalived.config.Severity;

/** Reports a config error at the line being read, as keepalived's {@code report_config_error} does. */
@FunctionalInterface
interface Reporter {
    void report(Severity severity, String message);
}
