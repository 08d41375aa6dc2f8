package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.runner.AdapterSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The two sides of the comparison: the reference model (reached through its adapter, scheme
 * {@code model}) and the adapter under test (through an {@link AdapterSession}, so a hang costs a
 * TIMEOUT and a fault reopens it). Requests go to both in one pipelined batch each.
 */
final class Sides implements AutoCloseable {
    static final ObjectNode RESET = JsonNodeFactory.instance.objectNode().put("op", "reset");

    private final Adapter model;
    private final AdapterSession target;
    private final Duration timeout;
    /** Sends batches to the adapter under test while this thread runs the model. */
    private final ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atomik-fuzz-target");
        t.setDaemon(true);
        return t;
    });

    /** What one batch gave: the model's replies, the target's, and the target's fault if it had one. */
    record Outcome(List<ObjectNode> model, List<ObjectNode> target, AdapterFault fault) {

        /** Index of the first request whose replies differ (or that faulted), or −1. */
        int firstDisagreement() {
            return firstDisagreement(0);
        }

        /** Index of the first request from {@code from} on whose replies differ (or that faulted), or −1. */
        int firstDisagreement(int from) {
            int n = target == null ? 0 : target.size();
            for (int i = from; i < n; i++) {
                if (ReplyDiff.disagreement(model.get(i), target.get(i)) != null) {
                    return i;
                }
            }
            if (fault != null) {
                return fault.requestIndex() >= 0 ? fault.requestIndex() : Math.max(0, model.size() - 1);
            }
            return -1;
        }

        /** The class of the disagreement at request {@code i}, whose step has op {@code op}. */
        FuzzClass classOf(int i, String op) {
            if (target != null && i < target.size()) {
                FuzzClass.Difference d = ReplyDiff.difference(model.get(i), target.get(i));
                if (d != null) {
                    return new FuzzClass(op, d);
                }
            }
            return new FuzzClass(op, FuzzClass.Difference.FAULT);
        }

        /** Why request {@code i} disagrees, for people. */
        String reason(int i) {
            if (target != null && i < target.size()) {
                return ReplyDiff.disagreement(model.get(i), target.get(i));
            }
            return "the adapter faulted: " + fault.getMessage();
        }
    }

    Sides(Adapter model, AdapterSession target, Duration timeout) {
        this.model = model;
        this.target = target;
        this.timeout = timeout;
    }

    Adapter model() {
        return model;
    }

    AdapterSession target() {
        return target;
    }

    /**
     * Runs one batch on both sides at once (the adapter under test on a helper thread, the model on
     * this one). The model must answer every request: if it throws, the fuzzer generated something
     * outside the protocol, which is the fuzzer's bug ({@link IllegalStateException}).
     */
    Outcome run(List<ObjectNode> requests) {
        Future<List<ObjectNode>> actual = helper.submit(() -> target.execute(requests));
        List<ObjectNode> expected;
        try {
            expected = runModel(requests);
        } finally {
            // whatever the model did, wait for the target so the session is never used twice at once
            awaitQuietly(actual);
        }
        try {
            return new Outcome(expected, actual.get(), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AdapterFault fault) {
                target.reopen();
                return new Outcome(expected, null, fault);
            }
            throw new IllegalStateException("the adapter session failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void awaitQuietly(Future<?> future) {
        boolean interrupted = false;
        while (!future.isDone()) {
            try {
                future.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    List<ObjectNode> runModel(List<ObjectNode> requests) {
        try {
            return model.execute(requests, timeout);
        } catch (AdapterFault e) {
            throw new IllegalStateException("the model adapter faulted: " + e.getMessage(), e);
        }
    }

    /** {@code reset} followed by the steps. */
    static List<ObjectNode> fromReset(List<ObjectNode> steps) {
        List<ObjectNode> out = new ArrayList<>(steps.size() + 1);
        out.add(RESET);
        out.addAll(steps);
        return out;
    }

    @Override
    public void close() {
        try {
            model.close();
        } finally {
            helper.shutdownNow();
            target.close();
        }
    }
}
