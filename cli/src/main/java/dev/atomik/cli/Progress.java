package dev.atomik.cli;

import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.TraceResult;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error, shown only when a person is watching (a terminal, no
 * {@code --quiet}); CI logs and pipes stay clean.
 */
final class Progress implements RunListener, AutoCloseable {
    private final boolean enabled;
    private final String task;
    private ProgressBar bar;

    private Progress(boolean enabled, String task) {
        this.enabled = enabled;
        this.task = task;
    }

    static Progress create(boolean quiet, String task) {
        return new Progress(!quiet && System.console() != null, task);
    }

    @Override
    public void started(int traces) {
        if (enabled && traces > 0) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(traces)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
    }

    @Override
    public void finished(TraceResult result) {
        if (bar != null) {
            bar.setExtraMessage(result.id());
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.setExtraMessage("");
            bar.close();
            bar = null;
        }
    }
}
