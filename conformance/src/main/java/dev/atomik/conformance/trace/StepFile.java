package dev.atomik.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * Reads the steps of an already validated trace again from its bytes, one line at a time. The lines
 * passed the schema and the step rules, so each is turned into its {@link Step} without checking
 * again; a line that no longer parses, or a step count that differs, means the file changed.
 */
final class StepFile {
    private final Path file;
    private final TraceBytes bytes;
    private final ObjectMapper mapper;
    private final int stepCount;

    StepFile(Path file, TraceBytes bytes, ObjectMapper mapper, int stepCount) {
        this.file = file;
        this.bytes = bytes;
        this.mapper = mapper;
        this.stepCount = stepCount;
    }

    StepCursor open() {
        try {
            LineReader lines = new LineReader(bytes.open());
            if (lines.next() == null) {
                lines.close();
                throw changed(1, "it is empty now");
            }
            return new Cursor(lines);
        } catch (IOException e) {
            throw new TraceReadException(file + ": cannot read the trace again: " + e.getMessage());
        }
    }

    private TraceReadException changed(int line, String why) {
        return new TraceReadException(file + ":" + line + ": the trace changed since it was validated (" + why + ")");
    }

    private final class Cursor implements StepCursor {
        private final LineReader lines;
        private Step next;
        private int read;
        private boolean done;

        Cursor(LineReader lines) {
            this.lines = lines;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = readNext();
            }
            return next != null;
        }

        @Override
        public Step next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Step step = next;
            next = null;
            return step;
        }

        private Step readNext() {
            try {
                String text = lines.next();
                if (text == null) {
                    done = true;
                    close();
                    if (read != stepCount) {
                        throw changed(lines.number(), "it has " + read + " steps, not " + stepCount);
                    }
                    return null;
                }
                JsonNode node = mapper.readTree(text);
                read++;
                if (!(node instanceof ObjectNode object) || !node.path("op").isTextual() || read > stepCount) {
                    close();
                    done = true;
                    throw changed(lines.number(), read > stepCount ? "it has more than " + stepCount + " steps"
                            : "this line is no longer a step");
                }
                return Step.of(object, read, lines.number());
            } catch (IOException e) {
                close();
                done = true;
                throw changed(lines.number(), e instanceof LineReader.NotUtf8 ? "not UTF-8 text" : "not JSON");
            }
        }

        @Override
        public void close() {
            try {
                lines.close();
            } catch (IOException ignored) {
                // reading is over either way
            }
        }
    }
}
