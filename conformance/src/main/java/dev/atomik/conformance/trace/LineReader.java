package dev.atomik.conformance.trace;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an NDJSON file, one at a time: split on {@code \n} only (a {@code \r} stays in the
 * line, so the parser can name it), each decoded as strict UTF-8. Splitting the bytes before decoding
 * is exact because the byte 0x0A never occurs inside a UTF-8 sequence. A final {@code \n} ends the
 * last line; it does not start an empty one. Only the current line is held in memory.
 */
final class LineReader implements Closeable {

    /** A line that is not UTF-8 text. */
    static final class NotUtf8 extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;

        NotUtf8(int line) {
            super("line " + line + " is not UTF-8 text");
            this.line = line;
        }
    }

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private int number;
    private boolean ended;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its {@code \n}, or null after the last one. */
    String next() throws IOException {
        if (ended) {
            return null;
        }
        buffer.reset();
        boolean newline = false;
        while (!newline) {
            if (pos == limit) {
                limit = in.read(chunk);
                pos = 0;
                if (limit < 0) {
                    limit = 0;
                    ended = true;
                    if (buffer.size() == 0) {
                        return null;
                    }
                    break;
                }
            }
            int start = pos;
            while (pos < limit && chunk[pos] != '\n') {
                pos++;
            }
            buffer.write(chunk, start, pos - start);
            if (pos < limit) {
                pos++; // the \n itself
                newline = true;
            }
        }
        number++;
        try {
            return utf8.decode(ByteBuffer.wrap(buffer.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8(number);
        }
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    int number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
