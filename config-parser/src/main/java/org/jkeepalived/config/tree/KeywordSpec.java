package org.jkeepalived.config.tree;

import java.util.Objects;

/**
 * One keyword keepalived 2.2.7 installs in a block.
 *
 * @param name       the keyword, case-sensitive
 * @param kind       how the lines after it are read
 * @param subBlock   the keywords of the block it opens; present exactly when {@code kind} is SUB_BLOCK
 * @param deprecated keepalived's source marks it deprecated
 */
public record KeywordSpec(String name, KeywordKind kind, BlockSpec subBlock, boolean deprecated) {

    public KeywordSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if ((kind == KeywordKind.SUB_BLOCK) != (subBlock != null)) {
            throw new IllegalArgumentException("subBlock of " + name + ": " + subBlock
                    + " (expected one exactly for a SUB_BLOCK keyword)");
        }
    }

    public boolean opensSubBlock() {
        return kind == KeywordKind.SUB_BLOCK;
    }
}
