package org.jkeepalived.config.lex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;

/** One reading of a configuration: keepalived 2.2.7's {@code read_line} state, from the -f pattern to the end. */
final class LineReader implements Reporter {
    /** keepalived's MAXBUF: lines (also after substitution) must fit in 1024 bytes with their NUL. */
    private static final int MAX_LINE_BYTES = 1024;

    /* keepalived's include_t bits */
    private static final int INCLUDE_R = 0x01;
    private static final int INCLUDE_M = 0x02;
    private static final int INCLUDE_W = 0x04;
    private static final int INCLUDE_B = 0x08;
    static final int INCLUDE_ALL = INCLUDE_R | INCLUDE_M | INCLUDE_W | INCLUDE_B;

    private static final Set<PosixFilePermission> EXECUTE = EnumSet.of(PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    /** One glob being read (keepalived's include_file_t): its matches, and the one currently open. */
    private static final class IncludeFrame {
        private final int includeType;
        private final int savedIncludeCheck;
        private final Path baseDirectory;
        private final List<String> matches;
        private int nextMatch;
        private String fileName;
        private int lineNumber;
        private SourceFile source;
        private Path fileDirectory;

        private IncludeFrame(int includeType, int savedIncludeCheck, Path baseDirectory, List<String> matches) {
            this.includeType = includeType;
            this.savedIncludeCheck = savedIncludeCheck;
            this.baseDirectory = baseDirectory;
            this.matches = matches;
        }
    }

    /** A multi-line parameter expansion interrupted by another one (keepalived's multiline_stack_ent). */
    private record PendingLines(String lines, int generatorDepth) {
    }

    private final String configId;
    private final Diagnostics diagnostics;
    private final Path workingDirectory;
    private final Definitions definitions;
    private final Deque<IncludeFrame> includes = new ArrayDeque<>();
    private final List<Generator> generators = new ArrayList<>();
    private final Deque<PendingLines> interruptedExpansions = new ArrayDeque<>();
    private final IncludeCheckTracker includeCheckTracker = new IncludeCheckTracker();
    private int includeCheck;
    private int expansionGeneratorDepth;
    private String pendingLines;
    private String residue;
    private Definitions.Definition definitionBeingRead;
    /** While the -f pattern is checked: its notes, whose severity depends on whether the check fails. */
    private List<Diagnostic> mainFileNotes;
    private boolean configFileError;

    LineReader(String configId, boolean includeCheckAll, RandomGenerator random, Diagnostics diagnostics,
               Path workingDirectory) {
        this.configId = configId;
        this.diagnostics = diagnostics;
        this.workingDirectory = workingDirectory;
        this.includeCheck = includeCheckAll ? INCLUDE_ALL : 0;
        this.definitions = new Definitions(configId, this::currentDirectoryName, random, this);
    }

    List<Line> read(String configFilePattern) {
        List<Line> lines = new ArrayList<>();
        if (!openMainFile(configFilePattern)) {
            return lines;
        }
        String segment;
        while ((segment = nextSegment()) != null) {
            List<String> words = GeneralWords.split(segment, this);
            if (!words.isEmpty()) {
                lines.add(new Line(currentLocation(), words, segment));
                includeCheck = includeCheckTracker.apply(words, includeCheck);
            }
        }
        return lines;
    }

    @Override
    public void report(Severity severity, String message) {
        diagnostics.report(severity, currentLocation(), message);
    }

    /** keepalived's error prefix: the innermost file being read, or its includer while it is being opened. */
    private Location currentLocation() {
        IncludeFrame frame = null;
        for (IncludeFrame candidate : includes) {
            if (candidate.fileName != null) {
                frame = candidate;
                break;
            }
        }
        // keepalived prints line 0 when a file's first line has no end yet; our locations start at 1
        return frame == null ? null : new Location(frame.fileName, Math.max(1, frame.lineNumber));
    }

    private Path currentDirectory() {
        IncludeFrame top = includes.peek();
        return top == null || top.fileDirectory == null ? workingDirectory : top.fileDirectory;
    }

    private String currentDirectoryName() {
        Path directory = currentDirectory();
        try {
            return directory.toRealPath().toString();
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize().toString();
        }
    }

    /**
     * keepalived's check_conf_file followed by opening the first file. When the -f pattern cannot be read, keepalived
     * 2.2.7 without -e reports why at OK level (so -t exits 0) and stops; we report the same lines as
     * FILE_NOT_FOUND, as -e does, so that nothing starts without a configuration.
     */
    private boolean openMainFile(String pattern) {
        mainFileNotes = new ArrayList<>();
        Glob.Result glob = Glob.expand(pattern, workingDirectory);
        boolean usable = checkGlob(glob, pattern);
        for (int i = 0; usable && i < glob.paths().size(); i++) {
            usable = isRegularNonExecutable(workingDirectory, glob.paths().get(i));
        }
        List<Diagnostic> notes = mainFileNotes;
        mainFileNotes = null;
        for (Diagnostic note : notes) {
            diagnostics.report(usable ? note.severity() : Severity.FILE_NOT_FOUND, null, note.message());
        }
        if (!usable && notes.isEmpty()) {
            diagnostics.report(Severity.FILE_NOT_FOUND, null, "No config files matched '" + pattern + "'.");
        }
        for (int i = 0; usable && i < glob.paths().size(); i++) {
            if (!Files.isReadable(workingDirectory.resolve(glob.paths().get(i)))) {
                diagnostics.report(Severity.FILE_NOT_FOUND, null,
                        "Unable to read configuration file " + glob.paths().get(i));
                usable = false;
            }
        }
        if (!usable) {
            return false;
        }
        if (glob.paths().size() > 1) {
            diagnostics.report(Severity.MULTIPLE_FILES, null, "WARNING, multiple configuration file matches of "
                    + pattern + ", starting with " + glob.paths().get(0));
        }
        IncludeFrame frame = new IncludeFrame(INCLUDE_R | INCLUDE_M | INCLUDE_W, includeCheck, workingDirectory,
                glob.paths());
        includes.push(frame);
        if (!openNextMatch(frame)) {
            includes.pop();
            fileConfigError(INCLUDE_R, "Failed to open configuration file");
            return false;
        }
        return true;
    }

    /** keepalived's open_glob_file for an include line. */
    private void openInclude(String pattern, int includeType) {
        Glob.Result glob = Glob.expand(pattern, currentDirectory());
        IncludeFrame frame = new IncludeFrame(includeType, includeCheck, currentDirectory(), glob.paths());
        includes.push(frame);
        if (!checkGlob(glob, pattern) || !openNextMatch(frame)) {
            includes.pop();
        }
    }

    /** keepalived's open_and_check_glob after glob(3) returned: whether to read the matches. */
    private boolean checkGlob(Glob.Result glob, String pattern) {
        if (glob.paths().isEmpty()) {
            if (glob.missing() > 0) {
                fileConfigError(hasBrace(pattern) ? INCLUDE_B : INCLUDE_M, "Config files missing '" + pattern + "'.");
            } else if (glob.haveWildcards() && (activeIncludeChecks() & INCLUDE_W) != 0) {
                fileConfigError(INCLUDE_W, "No config files matched '" + pattern + "'.");
            }
            return false;
        }
        if (glob.missing() > 0) {
            fileConfigError(INCLUDE_B, "Some config files missing: \"" + pattern + "\".");
            return (activeIncludeChecks() & INCLUDE_B) == 0;
        }
        return true;
    }

    /** keepalived's have_brace. */
    private static boolean hasBrace(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\\') {
                i++;
            } else if (pattern.charAt(i) == '{') {
                return true;
            }
        }
        return false;
    }

    /** keepalived's open_conf_file: opens the frame's next readable match. */
    private boolean openNextMatch(IncludeFrame frame) {
        while (frame.nextMatch < frame.matches.size()) {
            String name = frame.matches.get(frame.nextMatch++);
            if (!isRegularNonExecutable(frame.baseDirectory, name)) {
                continue;
            }
            Path path = frame.baseDirectory.resolve(name);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException | SecurityException e) {
                fileConfigError(INCLUDE_R, "Configuration file '" + name + "' open problem (" + describe(e)
                        + ") - skipping");
                continue;
            }
            frame.source = new SourceFile(bytes);
            frame.fileName = name;
            frame.lineNumber = 0;
            Path parent = path.getParent();
            frame.fileDirectory = name.indexOf('/') >= 0 && parent != null ? parent : frame.baseDirectory;
            return true;
        }
        return false;
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "Permission denied";
        }
        return e.getMessage();
    }

    /** keepalived's check_glob_file. */
    private boolean isRegularNonExecutable(Path base, String name) {
        if (name.endsWith("/")) {
            fileConfigError(INCLUDE_R, "Configuration file '" + name + "' is a directory - skipping");
            return false;
        }
        boolean regular;
        try {
            PosixFileAttributes attributes = Files.readAttributes(base.resolve(name), PosixFileAttributes.class);
            regular = attributes.isRegularFile()
                    && attributes.permissions().stream().noneMatch(EXECUTE::contains);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            regular = false;
        }
        if (!regular) {
            fileConfigError(INCLUDE_R, "Configuration file '" + name + "' is not a regular non-executable file"
                    + " - skipping");
        }
        return regular;
    }

    private int activeIncludeChecks() {
        IncludeFrame top = includes.peek();
        return includeCheck | (top == null ? 0 : top.includeType);
    }

    /** keepalived's file_config_error: an error only where the include check asks for it, else a note. */
    private void fileConfigError(int errorType, String message) {
        Severity severity = (activeIncludeChecks() & errorType) != 0 ? Severity.FILE_NOT_FOUND : Severity.OK;
        if (mainFileNotes != null) {
            mainFileNotes.add(new Diagnostic(severity, null, message));
        } else {
            configFileError |= severity == Severity.FILE_NOT_FOUND;
            report(severity, message);
        }
    }

    /** keepalived's had_config_file_error: an include failed where its check made that an error. */
    boolean hadConfigFileError() {
        return configFileError;
    }

    /** keepalived's read_line: the next logical line, split at braces; null at the end of the configuration. */
    private String nextSegment() {
        StringBuilder line;
        do {
            line = nextText();
            if (line == null) {
                return null;
            }
            if (definitionBeingRead != null) {
                continueDefinition(line);
                line.setLength(0);
            } else if (!line.isEmpty()) {
                applyDirectives(line);
            }
        } while (line.isEmpty() || checkInclude(line));
        splitAtBrace(line);
        return line.toString();
    }

    /** The next text to process: a brace residue, a generator's repetition, a parameter's next line, a file line. */
    private StringBuilder nextText() {
        if (residue != null) {
            StringBuilder text = new StringBuilder(residue);
            residue = null;
            return text;
        }
        if (generators.size() > expansionGeneratorDepth) {
            Generator generator = generators.get(generators.size() - 1);
            if (!generator.defineNext(definitions)) {
                generators.remove(generators.size() - 1);
            }
            return new StringBuilder(generator.text());
        }
        if (pendingLines != null) {
            int lineEnd = pendingLines.indexOf('\n');
            if (lineEnd >= 0) {
                StringBuilder text = new StringBuilder(pendingLines.substring(0, lineEnd));
                pendingLines = pendingLines.substring(lineEnd + 1);
                return text;
            }
            StringBuilder text = new StringBuilder(pendingLines);
            PendingLines interrupted = interruptedExpansions.poll();
            pendingLines = interrupted == null ? null : interrupted.lines();
            expansionGeneratorDepth = interrupted == null ? 0 : interrupted.generatorDepth();
            return text;
        }
        return nextFileLine();
    }

    private StringBuilder nextFileLine() {
        IncludeFrame frame;
        while ((frame = includes.peek()) != null) {
            SourceFile.Chunk chunk = frame.source.next();
            if (chunk == null) {
                nextFile(frame);
                continue;
            }
            if (chunk.endsLine()) {
                frame.lineNumber++;
            }
            if (chunk.text().isEmpty()) {
                if (definitionBeingRead != null) {
                    definitionBeingRead.endMultiline();
                    definitionBeingRead = null;
                }
                continue;
            }
            StringBuilder line = new StringBuilder(chunk.text());
            Comments.decomment(line, this);
            if (!line.isEmpty()) {
                return line;
            }
        }
        return null;
    }

    /** keepalived's get_next_file: the frame's next match, else back to the including file. */
    private void nextFile(IncludeFrame frame) {
        includeCheck = frame.savedIncludeCheck;
        if (!openNextMatch(frame)) {
            includes.pop();
        }
    }

    /** Appends a line to the multi-line definition being read (read_line's multiline_param_def branch). */
    private void continueDefinition(StringBuilder line) {
        Definitions.Definition definition = definitionBeingRead;
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\\') {
            length--;
            while (length >= 1 && Scan.isBlank(line.charAt(length - 1))) {
                length--;
            }
            line.setLength(length);
            line.append('\n');
            length++;
        } else {
            definitionBeingRead = null;
            definition.endMultiline();
        }
        // keepalived skips the blank continuation lines of a definition
        if (length >= 2 || (length > 0 && definitionBeingRead == null)) {
            definition.appendLine(line);
        }
    }

    /** Conditionals, definitions, generators and substitution, repeated while substitution gives more of them. */
    private void applyDirectives(StringBuilder line) {
        boolean recheck;
        do {
            recheck = false;
            if (line.charAt(0) == '@' && !keepConditional(line)) {
                line.setLength(0);
                return;
            }
            if (Scan.at(line, 0) == '$') {
                Definitions.Definition definition = definitions.define(line);
                if (definition != null) {
                    definitionBeingRead = definition.multiline() ? definition : null;
                    line.setLength(0);
                    return;
                }
            }
            if (startsWith(line, "~SEQ") || startsWith(line, "~LST")) {
                addGenerator(line.toString());
                line.setLength(0);
                return;
            }
            if (Scan.at(line, 0) == '~' || line.indexOf("$") < 0) {
                return;
            }
            Definitions.Substitution substitution = definitions.substitute(line, MAX_LINE_BYTES, pendingLines,
                    this::expansionStarts);
            if (!substitution.replaced()) {
                return;
            }
            pendingLines = substitution.pendingLines();
            Comments.decomment(line, this);
            recheck = !line.isEmpty() && (line.charAt(0) == '@' || line.indexOf("$") >= 0);
        } while (recheck);
    }

    private static boolean startsWith(CharSequence line, String prefix) {
        return line.length() >= prefix.length() && line.subSequence(0, prefix.length()).toString().equals(prefix);
    }

    /** {@code @ID rest} / {@code @^ID rest}: whether the line stays; if so the prefix is removed. */
    private boolean keepConditional(StringBuilder line) {
        boolean negated = Scan.at(line, 1) == '^';
        int idStart = negated ? 2 : 1;
        int idEnd = Scan.skipUntil(line, idStart, Scan.BLANKS);
        if (idEnd == line.length()) {
            return false;
        }
        boolean matches = configId != null && line.substring(idStart, idEnd).equals(configId);
        if (matches == negated) {
            return false;
        }
        line.delete(0, Scan.skip(line, idEnd, Scan.BLANKS));
        return true;
    }

    private void addGenerator(String line) {
        Generator generator;
        String kind;
        if (line.charAt(1) == 'S') {
            generator = Generator.parseSequence(line, definitions, this::expansionStarts, this);
            kind = "~SEQ";
        } else {
            generator = Generator.parseList(line, this);
            kind = "~LST";
        }
        if (generator == null) {
            report(Severity.GENERAL_ERROR, "Invalid " + kind + " specification '" + line + "'");
        } else {
            generators.add(generator);
        }
    }

    /** A multi-line parameter's lines are read before any older generator repeats again. */
    private void expansionStarts(String pendingBefore) {
        if (pendingBefore != null) {
            interruptedExpansions.push(new PendingLines(pendingBefore, expansionGeneratorDepth));
        }
        expansionGeneratorDepth = generators.size();
    }

    /** keepalived's is_include / check_include: {@code include}, {@code includer|m|w|b|a} and a file pattern. */
    private boolean checkInclude(StringBuilder line) {
        if (line.length() <= 7 || !startsWith(line, "include")) {
            return false;
        }
        char variant = line.charAt(7);
        int includeType;
        int patternStart;
        if (Scan.isSpace(variant)) {
            includeType = 0;
            patternStart = 8;
        } else if (Scan.isSpace(Scan.at(line, 8)) && "rmwba".indexOf(variant) >= 0) {
            includeType = switch (variant) {
                case 'r' -> INCLUDE_R;
                case 'm' -> INCLUDE_R | INCLUDE_M;
                case 'w' -> INCLUDE_R | INCLUDE_M | INCLUDE_W;
                case 'b' -> INCLUDE_R | INCLUDE_B;
                default -> INCLUDE_ALL;
            };
            patternStart = 9;
        } else {
            return false;
        }
        openInclude(line.substring(Scan.skip(line, patternStart, Scan.BLANKS)), includeType);
        return true;
    }

    /** Splits at the first brace outside double quotes; what follows it is read next. */
    private void splitAtBrace(StringBuilder line) {
        int brace = line.charAt(0) == '{' || line.charAt(0) == '}' ? 0 : findBrace(line);
        if (brace >= 0) {
            int restStart = brace == 0 ? Scan.skip(line, 1, Scan.BLANKS) : brace;
            if (restStart < line.length()) {
                StringBuilder rest = new StringBuilder(line.substring(restStart));
                Scan.trimTrailingBlanks(rest);
                residue = rest.toString();
                line.setLength(restStart);
            }
        }
        Scan.trimTrailingBlanks(line);
    }

    private static int findBrace(CharSequence line) {
        int p = 0;
        while (p < line.length()) {
            char c = line.charAt(p);
            if (c == '{' || c == '}') {
                return p;
            }
            if (c == '"') {
                int close = indexOf(line, '"', p + 1);
                if (close < 0) {
                    return -1;
                }
                p = close;
            }
            p++;
        }
        return -1;
    }

    private static int indexOf(CharSequence text, char wanted, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}
