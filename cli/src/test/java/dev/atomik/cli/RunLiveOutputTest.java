package dev.atomik.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code atomik conformance run} against real misbehaving child processes (src/test/resources/cli/
 * adapters/peer.py) and six traces: live lines as traces end, heartbeats while it waits, a failed
 * handshake reported once, a dead adapter stopping the run with exit 2 unless --keep-going. Short
 * --timeout and --heartbeat keep it quick; nothing asserts how long anything took.
 */
class RunLiveOutputTest {
    @RegisterExtension
    final CliConsole console = new CliConsole();

    @TempDir
    Path tmp;

    private static String resource(String name) throws Exception {
        return Path.of(RunLiveOutputTest.class.getResource("/cli/" + name).toURI()).toString();
    }

    private int run(String mode, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("conformance", "run", "--adapter",
                "process:python3 " + resource("adapters/peer.py") + " " + mode, "--traces", resource("many"),
                "--timeout", "500ms", "--heartbeat", "100ms"));
        args.addAll(List.of(more));
        return console.atomik(args.toArray(String[]::new));
    }

    private List<String> lines() {
        return console.stdout().lines().toList();
    }

    private long count(String prefix) {
        return lines().stream().filter(l -> l.startsWith(prefix)).count();
    }

    private String text() {
        return console.stdout() + console.stderr();
    }

    @Test
    void aFailedHandshakeIsOneLineWithTheTracesNotRunAndExitsTwo() throws Exception {
        Path junit = tmp.resolve("junit.xml");
        assertEquals(2, run("die", "--junit", junit.toString()), text());
        assertEquals(0, count("ERROR context/"), "no line per trace: " + text());
        List<String> stops = lines().stream().filter(l -> l.startsWith("STOP  ")).toList();
        assertEquals(2, stops.size(), "once live, once in the report: " + text());
        assertTrue(stops.get(0).startsWith("STOP  the adapter failed its handshake, 6 traces not run: HANDSHAKE: "
                + "the process exited with status 2 before its hello"), stops.get(0));
        assertTrue(text().contains("peer: cannot initialise the device"), "the adapter's stderr: " + text());
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile())
                .getDocumentElement();
        assertEquals("1", suite.getAttribute("errors"), "CI sees an error, not an empty green suite");
        Element stop = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals("run", stop.getAttribute("classname"));
        assertEquals("handshake", stop.getAttribute("name"));
    }

    @Test
    void aHungAdapterShowsHeartbeatsAndEachTimeoutAsItHappensThenStopsAsDead() throws Exception {
        assertEquals(2, run("hang"), text());
        List<String> lines = lines();
        int waiting = indexOf(lines, "... still waiting on context/same-1 step 1, ");
        int firstError = indexOf(lines, "ERROR context/same-1  TIMEOUT at reset: no reply to request 1");
        int repeat = indexOf(lines, "      same fault as context/same-1 in 2 traces so far (latest context/same-2)");
        int stop = indexOf(lines, "STOP  stopped early: no answer from the adapter in 3 traces in a row, 3 traces not run");
        assertTrue(waiting >= 0 && waiting < firstError && firstError < repeat && repeat < stop, text());
        assertTrue(lines.get(lines.size() - 1).startsWith("ERROR process:"), "the summary line is last: " + text());
        assertTrue(text().contains("      same fault in 2 more traces: context/same-2, context/same-3"), text());
    }

    @Test
    void keepGoingRunsEveryTraceAndTheReportCollapsesTheirFault() throws Exception {
        assertEquals(2, run("crash", "--keep-going"), "nothing executed is still exit 2: " + text());
        assertFalse(text().contains("STOP"), text());
        assertTrue(text().contains("      same fault in 5 more traces: context/same-2, context/same-3, context/same-4, "
                + "context/same-5, context/same-6"), text());
        assertTrue(text().contains("0 passed, 0 failed, 0 skipped, 6 errors"), text());
    }

    @Test
    void withoutKeepGoingTheCrashingAdapterStopsAfterThreeTraces() throws Exception {
        assertEquals(2, run("crash"), text());
        assertTrue(text().contains("0 passed, 0 failed, 0 skipped, 3 errors"), text());
        assertTrue(text().contains("STOP  stopped early: no answer from the adapter in 3 traces in a row, 3 traces not "
                + "run (--keep-going runs every trace); last fault: CRASH at reset: the process exited with status 3 "
                + "before replying to request 1"), text());
        assertTrue(text().contains("; 0 requests reached the implementation; stopped early: no answer from the adapter"),
                "the summary line says it briefly: " + text());
    }

    @Test
    void quietLeavesOnlyTheReport() throws Exception {
        assertEquals(2, run("hang", "-q"), text());
        assertFalse(text().contains("still waiting"), text());
        assertEquals(1, count("ERROR context/"), "the report's collapsed line only: " + text());
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
