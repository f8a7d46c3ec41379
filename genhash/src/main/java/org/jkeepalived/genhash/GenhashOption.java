package org.jkeepalived.genhash;

import org.jkeepalived.cli.GnuOption;

/** genhash 2.2.7's options ({@code check_genhash_parse_cmdline}), in its table's order. */
enum GenhashOption implements GnuOption {
    HELP('h', "help", Argument.NONE),
    VERBOSE('v', "verbose", Argument.NONE),
    USE_SSL('S', "use-ssl", Argument.NONE),
    USE_SNI('I', "use-sni", Argument.NONE),
    SERVER('s', "server", Argument.REQUIRED),
    USE_VIRTUALHOST('V', "use-virtualhost", Argument.REQUIRED),
    PORT('p', "port", Argument.REQUIRED),
    URL('u', "url", Argument.REQUIRED),
    FWMARK('m', "fwmark", Argument.REQUIRED),
    PROTOCOL('P', "protocol", Argument.REQUIRED),
    TIMEOUT('t', "timeout", Argument.REQUIRED);

    private final Spec spec;

    GenhashOption(char shortName, String longName, Argument argument) {
        this.spec = new Spec(shortName, longName, argument);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
