package org.jkeepalived.config.tree;

/** How keepalived 2.2.7 reads what follows a keyword. */
public enum KeywordKind {
    /** The keyword line alone. */
    PLAIN,
    /** The keyword opens a {@code { ... }} block of keywords of its own (keepalived's install_sublevel). */
    SUB_BLOCK,
    /**
     * The keyword's handler reads a {@code { ... }} block line by line as raw words (keepalived's
     * alloc_value_block / read_value_block), for example virtual_ipaddress.
     */
    VALUE_BLOCK
}
