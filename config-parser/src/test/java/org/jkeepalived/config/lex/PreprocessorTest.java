package org.jkeepalived.config.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
    @TempDir
    Path dir;
    LexTestSupport lex;

    @BeforeEach
    void setUp() {
        lex = new LexTestSupport(dir);
    }

    @Test
    void commentsEndAtHashOrBangOutsideDoubleQuotes() {
        List<Line> lines = lex.readMain("""
                # whole line
                router_id a # trailing
                router_id b ! bang
                smtp "a # b" c
                x 'single # quotes do not protect'
                y \\#literal \\!too
                """);
        assertEquals(List.of("router_id|a", "router_id|b", "smtp|a # b|c", "x|'single", "y|#literal|!too"),
                LexTestSupport.words(lines));
        assertEquals(List.of(), lex.messages());
    }

    @Test
    void lineNumbersArePhysicalAndCrlfIsStripped() {
        List<Line> lines = lex.readMain("a 1\r\n\r\n\r\nb 2\r\n");
        assertEquals(List.of("a|1", "b|2"), LexTestSupport.words(lines));
        assertEquals(4, lines.get(1).location().line());
        assertEquals(lex.dir.resolve("keepalived.conf").toString(), lines.get(1).location().file());
    }

    @Test
    void aLastLineWithoutNewlineKeepsThePreviousLineNumberAsKeepalivedDoes() {
        List<Line> lines = lex.readMain("a\nb\nc");
        assertEquals(2, lines.get(2).location().line());
    }

    @Test
    void aLineLongerThan1023BytesIsSplitAndItsFirstPartCountsAsThePreviousLine() {
        List<Line> lines = lex.readMain("first\n  router_id " + "x".repeat(1100) + " bar\n");
        assertEquals(3, lines.size());
        assertEquals(1, lines.get(1).location().line());
        assertEquals(1023 - 2 - "router_id ".length(), lines.get(1).words().get(1).length());
        assertEquals(2, lines.get(2).location().line());
        assertEquals("bar", lines.get(2).words().get(1));
    }

    @Test
    void aOneLineBlockBecomesOneLinePerBraceAndItem() {
        List<Line> lines = lex.readMain("virtual_ipaddress { 10.0.0.1 10.0.0.2 }\n");
        assertEquals(List.of("virtual_ipaddress", "{", "10.0.0.1|10.0.0.2", "}"), LexTestSupport.words(lines));
        assertEquals("10.0.0.1 10.0.0.2", lines.get(2).text());
    }

    @Test
    void bracesOnTheirOwnLinesAndBracesInsideQuotesStay() {
        List<Line> lines = lex.readMain("vrrp_instance VI_1\n{\n  notify \"/x.sh {a}\" }\n}}\n");
        assertEquals(List.of("vrrp_instance|VI_1", "{", "notify|/x.sh {a}", "}", "}", "}"),
                LexTestSupport.words(lines));
    }

    @Test
    void anUnmatchedQuoteIsReportedAndTheWordsBeforeItKept() {
        List<Line> lines = lex.readMain("\nfoo bar \"baz\n");
        assertEquals(List.of("foo|bar"), LexTestSupport.words(lines));
        assertTrue(lex.diagnostics.list().stream().anyMatch(d -> d.severity() == Severity.UNMATCHED_QUOTE
                && d.message().equals("Unmatched quote: 'foo bar \"baz'") && d.location().line() == 2));
        assertTrue(lex.messages().contains("Unterminated quote 'foo bar \"baz'"));
    }

    @Test
    void aQuoteInsideAWordEndsTheWord() {
        assertEquals(List.of("abc|d e"), LexTestSupport.words(lex.readMain("abc\"d e\"\n")));
    }

    @Test
    void anIncludeIsResolvedAgainstTheIncludingFileAndNamedAsTheGlobProducedIt() {
        lex.write("sub/conf.d/b.conf", "b_kw\n");
        lex.write("sub/conf.d/a.conf", "\na_kw\ninclude ../../leaf.conf\n");
        lex.write("leaf.conf", "leaf_kw\n");
        lex.write("sub/inner.conf", "include conf.d/*.conf\nafter_inner\n");
        List<Line> lines = lex.readMain("before\ninclude sub/inner.conf\nafter\n");
        assertEquals(List.of("before", "a_kw", "leaf_kw", "b_kw", "after_inner", "after"),
                LexTestSupport.words(lines));
        assertEquals(new Location("conf.d/a.conf", 2), lines.get(1).location());
        assertEquals(new Location("../../leaf.conf", 1), lines.get(2).location());
        assertEquals(new Location("sub/inner.conf", 2), lines.get(4).location());
        assertEquals(3, lines.get(5).location().line());
        assertEquals(List.of(), lex.messages());
    }

    @Test
    void anIncludeGlobWithBracesKeepsTheAlternativesOrder() {
        lex.write("x.conf", "x\n");
        lex.write("y1.conf", "y1\n");
        lex.write("y2.conf", "y2\n");
        List<Line> lines = lex.readMain("include {y?,x}.conf\n");
        assertEquals(List.of("y1", "y2", "x"), LexTestSupport.words(lines));
    }

    @Test
    void aMissingPlainIncludeIsOnlyANote() {
        lex.readMain("include missing.conf\n");
        assertEquals(List.of("Config files missing 'missing.conf'."), lex.messages());
        assertEquals(Severity.OK, lex.diagnostics.worst());
        assertEquals(1, lex.diagnostics.list().get(0).location().line());
    }

    @Test
    void aMissingIncludemIsFileNotFoundButIncluderOnlyChecksReadability() {
        lex.readMain("includer missing.conf\n");
        assertEquals(Severity.OK, lex.diagnostics.worst());
        lex.readMain("includem missing.conf\n");
        assertEquals(Severity.FILE_NOT_FOUND, lex.diagnostics.worst());
    }

    @Test
    void anUnmatchedWildcardIsAnErrorOnlyForIncludewAndIncludea() {
        lex.readMain("include none*.conf\nincludem none*.conf\n");
        assertEquals(List.of(), lex.messages());
        lex.readMain("includew none*.conf\n");
        assertEquals(List.of("No config files matched 'none*.conf'."), lex.messages());
        assertEquals(Severity.FILE_NOT_FOUND, lex.diagnostics.worst());
    }

    @Test
    void aPartlyMissingBraceIncludeIsFatalOnlyForIncludeb() {
        lex.write("p.conf", "p\n");
        List<Line> lines = lex.readMain("include {p,q}.conf\nincludeb {p,q}.conf\n");
        assertEquals(List.of("p"), LexTestSupport.words(lines));
        assertEquals(List.of("Some config files missing: \"{p,q}.conf\".",
                "Some config files missing: \"{p,q}.conf\"."), lex.messages());
        assertEquals(Severity.OK, lex.diagnostics.list().get(0).severity());
        assertEquals(Severity.FILE_NOT_FOUND, lex.diagnostics.list().get(1).severity());
    }

    @Test
    void theAllConfigOptionMakesEveryIncludeStrict() {
        lex.includeCheckAll = true;
        lex.readMain("include missing.conf\n");
        assertEquals(Severity.FILE_NOT_FOUND, lex.diagnostics.worst());
    }

    @Test
    void directoriesAndExecutablesAreSkipped() throws Exception {
        lex.write("d/sub.conf/x", "x\n");
        lex.write("d/ok.conf", "ok\n");
        Path exe = lex.write("d/run.conf", "run\n");
        exe.toFile().setExecutable(true);
        List<Line> lines = lex.readMain("include d/*.conf\n");
        assertEquals(List.of("ok"), LexTestSupport.words(lines));
        assertEquals(List.of("Configuration file 'd/run.conf' is not a regular non-executable file - skipping",
                "Configuration file 'd/sub.conf/' is a directory - skipping"), lex.messages());
        assertEquals(Severity.OK, lex.diagnostics.worst());
    }

    @Test
    void aMissingMainFileIsANoteThatConfigTestPassesAsKeepalivedsDoes() {
        List<Line> lines = lex.read(dir.resolve("nonexistent").toString());
        assertEquals(List.of(), lines);
        assertEquals(List.of("Config files missing '" + dir.resolve("nonexistent") + "'."), lex.messages());
        assertEquals(Severity.OK, lex.diagnostics.worst());
    }

    @Test
    void aMainPatternMatchingSeveralFilesWarnsAndReadsThemAll() {
        lex.write("m1.conf", "one\n");
        lex.write("m2.conf", "two\n");
        List<Line> lines = lex.read(dir + "/m*.conf");
        assertEquals(List.of("one", "two"), LexTestSupport.words(lines));
        assertEquals(Severity.MULTIPLE_FILES, lex.diagnostics.worst());
        assertEquals(dir + "/m2.conf", lines.get(1).location().file());
    }

    @Test
    void conditionalLinesMatchTheConfigId() {
        List<Line> lines = lex.readMain("@main kept\n@other dropped\n@^other negated_kept\n@^main dropped\n@main\n");
        assertEquals(List.of("kept", "negated_kept"), LexTestSupport.words(lines));
    }

    @Test
    void aConditionalProducedBySubstitutionIsApplied() {
        List<Line> lines = lex.readMain("$IF_MAIN=@main\n$IF_OTHER=@other\n$IF_MAIN priority 240\n"
                + "$IF_OTHER priority 100\n@main $P=7\nweight $P\n");
        assertEquals(List.of("priority|240", "weight|7"), LexTestSupport.words(lines));
    }

    @Test
    void parametersAreSubstitutedSimpleBracedAndRecursively() {
        List<Line> lines = lex.readMain("$B=${A}x\n$A=1\nv $A ${A}2 $B $UNDEFINED ${B}\nw $A,$A)\n");
        assertEquals(List.of("v|1|12|1x|$UNDEFINED|1x", "w|1,1)"), LexTestSupport.words(lines));
    }

    @Test
    void aDefinitionNeedsNoBlankBeforeTheEqualsSign() {
        List<Line> lines = lex.readMain("$A =1\n");
        assertEquals(List.of("$A|=1"), LexTestSupport.words(lines));
    }

    @Test
    void aMultiLineDefinitionExpandsAsSeveralLines() {
        List<Line> lines = lex.readMain("""
                $BLOCK=vrrp_instance $NAME { \\
                   priority $PRIO \\
                }
                $NAME=VI_1
                $PRIO=100
                $BLOCK
                """);
        assertEquals(List.of("vrrp_instance|VI_1", "{", "priority|100", "}"), LexTestSupport.words(lines));
        assertEquals(6, lines.get(3).location().line());
    }

    @Test
    void aMultiLineDefinitionEndsAtAnEmptyLine() {
        List<Line> lines = lex.readMain("$M=a \\\nb \\\n\nafter\n$M\n");
        assertEquals(List.of("after", "a", "b"), LexTestSupport.words(lines));
    }

    @Test
    void predefinedParametersAreComputed() {
        lex.configId = "node7";
        List<Line> lines = lex.readMain("a ${_INSTANCE} ${_PWD}\nb \"${_HASH}${_BANG}\" ${_RANDOM 5 5}\n"
                + "c ${_HASH} gone\n");
        assertEquals(List.of("a|node7|" + dirReal(), "b|#!|5", "c"), LexTestSupport.words(lines));
    }

    private String dirReal() {
        try {
            return dir.toRealPath().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRandomWithParametersFollowedByTextIsMangledAsKeepalivedDoes() {
        List<Line> lines = lex.readMain("${_RANDOM 3 3} foo\nk ${_RANDOM 3 3}\n");
        assertEquals(List.of("3|_RANDOM|3|3", "}", "foo", "k|3"), LexTestSupport.words(lines));
    }

    @Test
    void substitutionBeyond1023BytesIsRefused() {
        List<Line> lines = lex.readMain("$A=" + "x".repeat(600) + "\nk $A $A\n");
        assertEquals(List.of("k", "x".repeat(600), "$A"), lines.get(0).words());
        assertTrue(lex.messages().get(0).endsWith("would exceed maximum line length"));
    }

    @Test
    void aSelfReferenceStopsInsteadOfLoopingForever() {
        List<Line> lines = lex.readMain("$A=$A\nk $A\n");
        assertEquals(List.of("k|$A"), LexTestSupport.words(lines));
    }

    @Test
    void sequencesCountUpDownAndInHex() {
        List<Line> lines = lex.readMain("~SEQ(i, 3) up $i\n~SEQ(j, 3, -1, 1) down $j\n~SEQx(k, 9, 3, 15) hex $k\n"
                + "~SEQ(n, -2) neg $n\n");
        assertEquals(List.of("up|1", "up|2", "up|3", "down|3", "down|2", "down|1", "hex|9", "hex|c", "hex|f",
                "neg|-1", "neg|-2"), LexTestSupport.words(lines));
        assertEquals(1, lines.get(2).location().line());
    }

    @Test
    void listsAndChainedGeneratorsNestLeftmostOutermost() {
        List<Line> lines = lex.readMain("~LST(v, a, b) ~SEQ(i, 2) item ${v}$i\n~LST({X,Y}, {1,2}, {3}) p ${X}-${Y}.\n");
        assertEquals(List.of("item|a1", "item|a2", "item|b1", "item|b2", "p|1-2.", "p|3-."),
                LexTestSupport.words(lines));
    }

    @Test
    void aSequenceCanRepeatAMultiLineDefinition() {
        List<Line> lines = lex.readMain("$RS=real_server 10.0.0.$i 80 { \\\n weight $i \\\n}\n~SEQ(i,2) $RS\nend\n");
        assertEquals(List.of("real_server|10.0.0.1|80", "{", "weight|1", "}", "real_server|10.0.0.2|80", "{",
                "weight|2", "}", "end"), LexTestSupport.words(lines));
    }

    @Test
    void invalidSequencesAreReported() {
        List<Line> lines = lex.readMain("~SEQ(i, 1, -1, 5) x\n~SEQx(i, -3) y\n~LST(a, {1,2}) z\n~FOO bar\n");
        assertEquals(List.of("~FOO|bar"), LexTestSupport.words(lines));
        assertEquals(List.of("Invalid ~SEQ values '~SEQ(i, 1, -1, 5) x'",
                "Invalid ~SEQ specification '~SEQ(i, 1, -1, 5) x'",
                "~SEQx is only valid for positive numbers '~SEQx(i, -3) y'",
                "Invalid ~SEQ specification '~SEQx(i, -3) y'",
                "~LST specification has too many values '~LST(a, {1,2}) z'",
                "Invalid ~LST specification '~LST(a, {1,2}) z'"), lex.messages());
    }

    @Test
    void anIncludeAfterABraceIsFollowed() {
        lex.write("in.conf", "inner\n");
        List<Line> lines = lex.readMain("block { include in.conf\n}\n");
        assertEquals(List.of("block", "{", "inner", "}"), LexTestSupport.words(lines));
    }

    @Test
    void includeCheckInGlobalDefsMakesLaterIncludesStrict() {
        lex.readMain("global_defs {\n include_check\n}\ninclude missing.conf\n");
        assertEquals(Severity.FILE_NOT_FOUND, lex.diagnostics.worst());
    }

    @Test
    void aGeneratedConfigOf200kLinesIsReadWhole() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append("virtual_server 10.0.").append(i / 250).append('.').append(i % 250).append(" 80 {\n")
                    .append("    delay_loop 6   # check\n    lb_algo rr\n    protocol TCP\n")
                    .append("    real_server 192.168.1.1 80 {\n        weight 1\n        TCP_CHECK {\n")
                    .append("            connect_timeout 3\n        }\n    }\n")
                    .append("    real_server 192.168.1.2 80 { weight 1 }\n")
                    .append("    sorry_server 192.168.9.9 80\n    persistence_timeout 50\n}\n\n");
        }
        lex.write("big.conf", text.toString());
        List<Line> lines = lex.read(dir.resolve("big.conf").toString());
        assertEquals(10_000 * 20, lines.size());
    }
}
