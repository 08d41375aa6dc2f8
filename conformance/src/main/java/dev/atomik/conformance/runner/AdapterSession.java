package dev.atomik.conformance.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Hello;
import java.time.Duration;
import dev.atomik.conformance.adapter.ShutdownNote;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The adapter under test across a run: opens it through its provider, performs the handshake, and
 * reopens it after a fault (PROTO-FAULT-1) so the run goes on.
 *
 * <p>Calls into the adapter run on one worker thread with a deadline, so even an in-process adapter
 * that hangs costs a {@code TIMEOUT}, not the run. The deadline of a batch is the per-step timeout
 * times the number of requests, plus a margin: adapters that see replies one by one (process
 * adapters) enforce the per-step timeout themselves, and this is only the backstop.
 */
public final class AdapterSession implements AutoCloseable {
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private final String name;
    private final Supplier<Adapter> opener;
    private final Duration perStepTimeout;
    private Adapter adapter;
    private Hello hello;
    private String unavailable;
    private ExecutorService worker;
    /** What each closed adapter's shutdown noted, by kind, with how often (the run prints each once). */
    private final Map<ShutdownNote.Kind, Noted> notes = new EnumMap<>(ShutdownNote.Kind.class);

    /** One kind of shutdown note and how many times the session's adapters gave it. */
    public record Noted(ShutdownNote note, int times) {
    }

    private Watcher watcher = Watcher.NONE;
    private Duration poll = Duration.ofSeconds(1);

    /** Told, while a call is outstanding, how long it has been waiting; for heartbeat lines. */
    @FunctionalInterface
    public interface Watcher {
        Watcher NONE = (step, waited) -> { };

        /** @param step the first trace step of the outstanding batch, 0 for the handshake, -1 when not known */
        void stillWaiting(int step, Duration waited);
    }

    /**
     * @param name   how the adapter was named ({@code model}, {@code process:./impl})
     * @param opener opens a fresh adapter; called once, and again after each fault
     */
    public AdapterSession(String name, Supplier<Adapter> opener, Duration perStepTimeout) {
        this.name = name;
        this.opener = opener;
        this.perStepTimeout = perStepTimeout;
    }

    public String name() {
        return name;
    }

    public Duration perStepTimeout() {
        return perStepTimeout;
    }

    /** From now on, {@code watcher} hears about every outstanding call once per {@code poll}. */
    public void watch(Watcher watcher, Duration poll) {
        this.watcher = watcher == null ? Watcher.NONE : watcher;
        this.poll = poll;
    }

    /** The handshake of the open adapter, opening it first if needed; null when it could not be opened. */
    public Hello hello() {
        if (adapter == null && unavailable == null) {
            open();
        }
        return hello;
    }

    /** Why the adapter cannot be used (it failed to open or handshake), or null. */
    public String unavailable() {
        hello();
        return unavailable;
    }

    private void open() {
        try {
            Adapter opened = opener.get();
            adapter = opened;
            hello = call(opened::hello, perStepTimeout.plus(MARGIN), 0);
            unavailable = null;
        } catch (AdapterFault fault) {
            unavailable = fault.getMessage();
            discard();
        } catch (IllegalArgumentException e) {
            throw e; // a usage error (bad --adapter argument): the caller reports it
        } catch (RuntimeException e) {
            unavailable = "HANDSHAKE: cannot open adapter: " + e;
            discard();
        }
    }

    /** Closes the current adapter after a fault and opens a fresh one. */
    public void reopen() {
        discard();
        unavailable = null;
        open();
    }

    /** Sends one batch; a fault, an exception or an overrun becomes an {@link AdapterFault}. */
    public List<ObjectNode> execute(List<ObjectNode> requests) throws AdapterFault {
        return execute(requests, -1);
    }

    /** As {@link #execute(List)}, for a batch whose first request is trace step {@code firstStep}. */
    public List<ObjectNode> execute(List<ObjectNode> requests, int firstStep) throws AdapterFault {
        Adapter current = adapter;
        if (current == null) {
            throw new AdapterFault(AdapterFault.Kind.CRASH, -1, "adapter not open: " + unavailable);
        }
        Duration deadline = perStepTimeout.multipliedBy(Math.max(1, requests.size())).plus(MARGIN);
        List<ObjectNode> replies = call(() -> current.execute(requests, perStepTimeout), deadline, firstStep);
        if (replies == null || replies.size() != requests.size()) {
            throw new AdapterFault(AdapterFault.Kind.BAD_REPLY, replies == null ? -1 : replies.size(),
                    (replies == null ? "no" : replies.size()) + " replies to " + requests.size() + " requests");
        }
        return replies;
    }

    private <T> T call(Callable<T> task, Duration deadline, int step) throws AdapterFault {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "atomik-adapter");
                t.setDaemon(true);
                return t;
            });
        }
        Future<T> future = worker.submit(task);
        long start = System.nanoTime();
        try {
            return await(future, start, deadline, step);
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow(); // the stuck thread is abandoned; the next call gets a fresh one
            worker = null;
            throw new AdapterFault(AdapterFault.Kind.TIMEOUT, -1, "no complete answer within " + seconds(deadline));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AdapterFault fault) {
                throw fault;
            }
            if (cause instanceof VirtualMachineError jvm) {
                // An in-process adapter shares the runner's heap and stack: when they are exhausted the
                // run itself cannot go on, so this is a harness fault, not a crash of the implementation.
                throw jvm;
            }
            throw new AdapterFault(AdapterFault.Kind.CRASH, -1, "adapter threw " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new AdapterFault(AdapterFault.Kind.CRASH, -1, "interrupted while waiting for the adapter");
        }
    }

    /** Waits for the call in slices of {@link #poll}, telling the watcher after each slice. */
    private <T> T await(Future<T> future, long start, Duration deadline, int step)
            throws TimeoutException, ExecutionException, InterruptedException {
        long end = start + deadline.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException();
            }
            try {
                return future.get(Math.min(left, poll.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slice) {
                if (end - System.nanoTime() > 0) {
                    watcher.stillWaiting(step, Duration.ofNanos(System.nanoTime() - start));
                }
            }
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private void discard() {
        Adapter old = adapter;
        adapter = null;
        hello = null;
        if (old != null) {
            try {
                old.close();
                old.shutdownNote().ifPresent(n -> notes.merge(n.kind(), new Noted(n, 1),
                        (a, b) -> new Noted(a.note(), a.times() + 1)));
            } catch (RuntimeException ignored) {
                // close() must not throw; a broken one must not end the run either
            }
        }
    }

    /** The shutdown notes so far; after {@link #close()} they include the last adapter's. */
    public List<Noted> shutdownNotes() {
        return List.copyOf(notes.values());
    }

    @Override
    public void close() {
        discard();
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }
}
