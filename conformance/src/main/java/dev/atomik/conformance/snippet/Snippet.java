package dev.atomik.conformance.snippet;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed snippet of the example notation (spec/examples.md): statements, each one trace step.
 *
 * @param source where it came from ({@code spec/context.md:14}, a file, {@code <stdin>})
 * @param steps  its steps in order
 */
public record Snippet(String source, List<SnippetStep> steps) {

    public Snippet {
        steps = List.copyOf(steps);
    }

    /**
     * The steps cut into runs of one kind each: a trace has one kind, so an init of another kind
     * starts a new trace (an init of the same kind stays in the trace, as ERR-ATOMIC-1's examples
     * need: a failed init leaves the earlier object in place).
     */
    public List<List<SnippetStep>> segments() {
        List<List<SnippetStep>> out = new ArrayList<>();
        List<SnippetStep> current = new ArrayList<>();
        String kind = null;
        for (SnippetStep s : steps) {
            boolean init = s.op().equals("init");
            if (init && kind != null && !kind.equals(s.kind())) {
                out.add(current);
                current = new ArrayList<>();
            }
            if (init) {
                kind = s.kind();
            }
            current.add(s);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
