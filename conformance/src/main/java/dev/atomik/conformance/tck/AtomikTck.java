package dev.atomik.conformance.tck;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.expectations.Expectation;
import dev.atomik.conformance.expectations.ExpectationsFile;
import dev.atomik.conformance.expectations.ExpectationsException;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.runner.TraceSource;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.trace.TraceParser;
import dev.atomik.spec.Clause;
import dev.atomik.spec.ClauseIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden suite as JUnit 5 tests, for Java implementations (TCK style, after the Reactive Streams
 * TCK): extend this class in your test sources, return your {@link Implementation} from
 * {@link #createImplementation()} (or a protocol-level {@link Adapter} from {@link #createAdapter()}),
 * and every trace becomes one dynamic test named
 * {@code required context/load-read [CTX-LOAD-1, CTX-READ-1]}.
 *
 * <pre>{@code
 * class MyImplementationTest extends AtomikTck {
 *     protected Implementation createImplementation() { return new MyAtomik(); }
 * }
 * }</pre>
 *
 * <p>Name the class so that Surefire runs it: its default includes are {@code **}{@code /Test*.java},
 * {@code **}{@code /*Test.java}, {@code **}{@code /*Tests.java} and {@code **}{@code /*TestCase.java}.
 * A class named otherwise ({@code MyImplementationTck}) is never loaded, so no test of this class can
 * report it: add its pattern to Surefire's {@code <includes>} and set {@code <failIfNoTests>true}, as
 * the starter project of {@code atomik tck init} does.
 *
 * <p>Verdicts follow conformance/INTERPRETING.md: a trace the adapter's capabilities exclude is
 * <em>aborted</em> (JUnit's skip) with the missing capability as the message; a failing step is an
 * {@link org.opentest4j.AssertionFailedError} carrying expected and actual (IDEs show the diff);
 * an adapter fault or malformed trace is a {@link TraceError}. When a test fails, the message names
 * the step and the clauses: read those clauses in spec/ to see what the implementation must do.
 *
 * <p>The traces are the golden traces built into this jar, so no checkout is needed; the system
 * property {@code atomik.traces} (or overriding {@link #tracesDirectory()}) names a folder instead. A
 * run that selects no trace, or whose every trace is skipped, fails: a suite that ran nothing is
 * never a pass.
 *
 * <p>Known differences can be tracked instead of failing the build: {@link #expectations()} (or
 * {@code -Datomik.expectations=FILE}) names an expectations file (INTERPRETING.md §9). A trace that
 * ends as its entry expects passes, named {@code expected fail: <reason> — required <id> [...]}; one
 * that passes although its entry expects a failure fails and says to update the file.
 */
public abstract class AtomikTck {

    /** A fresh implementation; called once, and again after any fault. Override this or {@link #createAdapter()}. */
    protected Implementation createImplementation() {
        throw new IllegalStateException(getClass().getName() + " overrides neither createImplementation() nor createAdapter()");
    }

    /**
     * A fresh adapter; called once, and again after any fault. By default the
     * {@link #createImplementation()} seen through {@link ImplementationAdapter}; override it to test
     * at the protocol level (JSON requests and replies).
     */
    protected Adapter createAdapter() {
        return new ImplementationAdapter(createImplementation());
    }

    /** A traces folder, or null for the golden traces built into this jar (default: the property {@code atomik.traces}). */
    protected Path tracesDirectory() {
        String property = System.getProperty("atomik.traces");
        return property == null || property.isBlank() ? null : Path.of(property);
    }

    private TraceSource traceSource() throws IOException {
        Path folder = tracesDirectory();
        if (folder != null) {
            return TraceSource.folder(folder);
        }
        return TraceSource.bundled().orElseThrow(() -> new IllegalStateException("this atomik-conformance jar was "
                + "built without its traces: set -Datomik.traces=DIR or override tracesDirectory()"));
    }

    /** Only traces whose id matches this glob or substring (null: all); property {@code atomik.filter}. */
    protected String traceFilter() {
        return System.getProperty("atomik.filter");
    }

    /** The expectations file, or null for none; default: the system property {@code atomik.expectations}. */
    protected Path expectations() {
        String property = System.getProperty("atomik.expectations");
        return property == null || property.isBlank() ? null : Path.of(property);
    }

    /** Per-step reply timeout. */
    protected Duration perStepTimeout() {
        return Duration.ofSeconds(5);
    }

    @TestFactory
    Stream<DynamicTest> goldenTraces() throws IOException {
        if (!overrides("createImplementation") && !overrides("createAdapter")) {
            return Stream.of(DynamicTest.dynamicTest("no implementation", () -> {
                throw new TraceError(getClass().getName() + " overrides neither createImplementation() nor createAdapter()");
            }));
        }
        TraceSource source = traceSource();
        List<LoadedTrace> traces = new TraceLoader(TraceParser.withSpec()).load(source, traceFilter());
        if (traces.isEmpty()) {
            // An empty run is an error, never a pass (spec/trace-format.md, "Statuses").
            return Stream.of(DynamicTest.dynamicTest("no trace found", () -> {
                throw new TraceError("no trace in " + source + " matches filter " + traceFilter());
            }));
        }
        TckExpectations expected;
        try {
            expected = loadExpectations();
        } catch (ExpectationsException e) {
            // The file is broken, not the implementation: one error test with the file:line message.
            return Stream.of(DynamicTest.dynamicTest("expectations file", () -> {
                throw new TraceError(e.getMessage());
            }));
        }
        ClauseIndex clauses = ClauseIndex.load();
        Runner runner = new Runner();
        AdapterSession session = new AdapterSession(getClass().getSimpleName(), this::createAdapter, perStepTimeout());
        AtomicInteger ran = new AtomicInteger();
        Stream<DynamicTest> tests = traces.stream()
                .map(t -> DynamicTest.dynamicTest(expected.displayName(t, displayName(t, clauses)), t.file().toUri(),
                        () -> {
                            TraceResult result = runner.runTrace(t, session);
                            if (result.status() != Status.SKIP) {
                                ran.incrementAndGet();
                            }
                            expected.assertAsExpected(result);
                        }));
        // Dynamic tests run in stream order, so this one sees every trace's outcome.
        tests = Stream.concat(tests, Stream.of(DynamicTest.dynamicTest("at least one trace ran", () -> {
            if (ran.get() == 0) {
                throw new TraceError("no trace ran: all " + traces.size() + " selected traces were skipped; "
                        + "do the capabilities declare the kinds and ops the implementation has?");
            }
        })));
        List<Expectation> stale = expected.stale(traces);
        if (!stale.isEmpty()) {
            // A warning, not a failure (a filter leaves entries unmatched): JUnit shows aborted tests with the reason.
            tests = Stream.concat(tests, Stream.of(DynamicTest.dynamicTest("stale expectations (" + stale.size() + ")",
                    () -> {
                        throw new org.opentest4j.TestAbortedException("entries matching no trace: " + String.join(", ",
                                stale.stream().map(e -> expected.file() + ":" + e.line() + " " + e.pattern()).toList()));
                    })));
        }
        return tests.onClose(session::close);
    }

    /** True when a subclass (not this class) declares the method. */
    private boolean overrides(String method) {
        for (Class<?> c = getClass(); c != AtomikTck.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(method);
                return true;
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return false;
    }

    private TckExpectations loadExpectations() throws ExpectationsException {
        Path file = expectations();
        return file == null ? TckExpectations.none() : new TckExpectations(file, ExpectationsFile.read(file).traceEntries());
    }

    /** {@code required context/load-read [CTX-LOAD-1, CTX-READ-1]}: strength, id, clauses. */
    static String displayName(LoadedTrace t, ClauseIndex index) {
        if (t.isMalformed()) {
            return "malformed " + t.id();
        }
        List<String> ids = t.trace().header().clauses();
        boolean required = ids.stream().map(index::get)
                .anyMatch(c -> c.isPresent() && c.get().strength() == Clause.Strength.MUST);
        return (required ? "required " : "optional ") + t.id() + " [" + String.join(", ", ids) + "]";
    }

    /** Shown as a JUnit error (not a failure): the adapter faulted or the trace is malformed. */
    public static final class TraceError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TraceError(String message) {
            super(message);
        }
    }

    /** Maps a {@link TraceResult} to JUnit's outcome. */
    static final class TckVerdict {
        private TckVerdict() {
        }

        static void assertPassed(TraceResult r) {
            String clauses = " [" + String.join(", ", r.clauses()) + "]";
            switch (r.status()) {
                case PASS:
                    return;
                case SKIP:
                    throw new org.opentest4j.TestAbortedException("skipped: " + r.reason());
                case FAIL:
                    throw new org.opentest4j.AssertionFailedError(r.id() + ": " + r.describe() + clauses,
                            r.expected(), r.actual());
                default:
                    throw new TraceError(r.id() + ": " + r.describe() + clauses);
            }
        }
    }
}
