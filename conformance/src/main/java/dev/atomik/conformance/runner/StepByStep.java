package dev.atomik.conformance.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.trace.Step;
import dev.atomik.conformance.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a single-node trace and keeps every reply, not just the first disagreement: what
 * {@code atomik spec eval} prints and what the spec-example checker compares. It sends the same
 * batch ({@code reset}, then one request per probe) and judges each reply with the same
 * {@link ReplyCheck} as the {@link Runner}, so an example passes here exactly when it would pass as
 * a golden trace.
 */
public final class StepByStep {

    /**
     * One judged request.
     *
     * @param step     the trace step
     * @param label    the op as reported ({@code check: state@0x1} for a check field)
     * @param expected what the step expects ({@code success} when it only must succeed)
     * @param actual   what the adapter answered, rendered as in reports ({@code 0xff}, {@code error BAD_WIDTH})
     * @param agrees   true when the reply is what the step expects
     * @param reason   why it disagrees beyond the value (a bad reply shape, an unknown code), or null
     */
    public record Outcome(Step step, String label, String expected, String actual, boolean agrees, String reason) {
    }

    /** Every outcome in order, or the fault that ended the batch (then {@code outcomes} is empty). */
    public record Result(List<Outcome> outcomes, String fault) {
    }

    private StepByStep() {
    }

    public static Result run(Trace trace, AdapterSession session) {
        if (trace.header().requires().kind().equals("cache")) {
            throw new IllegalArgumentException("multi-node traces run through Runner.runTrace");
        }
        String unavailable = session.unavailable();
        if (unavailable != null) {
            return new Result(List.of(), "adapter unavailable: " + unavailable);
        }
        List<Probe> probes = Probe.plan(trace);
        List<ObjectNode> requests = new ArrayList<>(probes.size() + 1);
        requests.add(Probe.reset());
        probes.forEach(p -> requests.add(p.request()));
        List<ObjectNode> replies;
        try {
            replies = session.execute(requests);
        } catch (AdapterFault fault) {
            session.reopen();
            return new Result(List.of(), fault.getMessage());
        }
        List<Outcome> outcomes = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            ObjectNode reply = replies.get(i + 1);
            ReplyCheck.Verdict verdict = ReplyCheck.judge(probe, reply);
            outcomes.add(new Outcome(probe.step(), probe.label(), ReplyCheck.expected(probe), ReplyCheck.actual(reply),
                    verdict.kind() == ReplyCheck.Verdict.Kind.AGREE, verdict.reason()));
        }
        return new Result(outcomes, null);
    }
}
