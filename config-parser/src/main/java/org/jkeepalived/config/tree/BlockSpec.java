package org.jkeepalived.config.tree;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The keywords keepalived 2.2.7 accepts in one block, in its install order.
 *
 * @param name     the keyword that opens the block ({@code ""} for the top level of the file)
 * @param keywords the block's keywords
 */
public record BlockSpec(String name, List<KeywordSpec> keywords) {

    public BlockSpec {
        Objects.requireNonNull(name, "name");
        keywords = List.copyOf(keywords);
    }

    /** The keyword as keepalived finds it: exact spelling, first installed match. */
    public Optional<KeywordSpec> keyword(String keyword) {
        return keywords.stream().filter(k -> k.name().equals(keyword)).findFirst();
    }
}
