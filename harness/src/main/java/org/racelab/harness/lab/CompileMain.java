package org.racelab.harness.lab;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The child JVM that compiles a submission with the grading suite: javac through the JDK's
 * compiler API, JCStress's annotation processor named explicitly (javac 23+ no longer finds
 * processors on the class path by itself). Runs in a JVM of its own so that a compile which
 * hangs or eats memory costs racelab nothing but that JVM.
 *
 * <p>Arguments: {@code OUT_DIR SOURCE_ROOT EXTRA_CLASSPATH}; every {@code .java} file under
 * {@code SOURCE_ROOT} is compiled. Prints the compiler's messages, file names relative to the
 * source root; exits 0 when it compiled, 1 when it did not, 3 when this Java has no compiler.
 */
public final class CompileMain {

    static final String JCSTRESS_PROCESSOR = "org.openjdk.jcstress.infra.processors.JCStressTestProcessor";
    static final int NO_COMPILER = 3;
    private static final int MAX_MESSAGES = 30;

    private CompileMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path sourceRoot = Path.of(args[1]);
        String extra = args.length > 2 ? args[2] : "";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            System.out.println("this Java has no compiler: racelab needs a JDK (21 or newer), not a JRE");
            System.exit(NO_COMPILER);
        }
        List<Path> sources;
        try (Stream<Path> all = Files.walk(sourceRoot)) {
            sources = all.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        Files.createDirectories(out);
        String classpath = System.getProperty("java.class.path") + (extra.isEmpty() ? "" : File.pathSeparator + extra);
        List<String> options = List.of("--release", "21", "-encoding", "UTF-8", "-proc:full",
                "-processor", JCSTRESS_PROCESSOR, "-processorpath", System.getProperty("java.class.path"),
                "-classpath", classpath, "-d", out.toString(), "-implicit:none", "-Xlint:none", "-nowarn");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
        }
        int shown = 0;
        List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d);
            }
        }
        for (Diagnostic<? extends JavaFileObject> d : errors) {
            if (shown++ == MAX_MESSAGES) {
                System.out.println("... and " + (errors.size() - MAX_MESSAGES) + " more errors");
                break;
            }
            String where = d.getSource() == null ? "" : relative(sourceRoot, d.getSource().toUri().getPath())
                    + ":" + d.getLineNumber() + ": ";
            System.out.println(where + "error: " + d.getMessage(Locale.ROOT));
        }
        System.exit(ok ? 0 : 1);
    }

    private static String relative(Path root, String file) {
        Path p = Path.of(file);
        return p.startsWith(root) ? root.relativize(p).toString() : p.getFileName().toString();
    }
}
