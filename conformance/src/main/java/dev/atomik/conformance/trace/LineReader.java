package dev.atomik.conformance.trace;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an NDJSON file, one at a time: split on {@code \n} only (a {@code \r} stays in the
 * line, so the parser can name it), each decoded as strict UTF-8. Splitting the bytes before decoding
 * is exact because the byte 0x0A never occurs inside a UTF-8 sequence. A final {@code \n} ends the
 * last line; it does not start an empty one. Only the current line is held in memory, and a line
 * longer than {@link #MAX_LINE_BYTES} is skipped rather than held. After either fault the reader
 * stands at the next line, so the caller can report it and go on.
 */
final class LineReader implements Closeable {
    /** The longest line a trace may have (one step is a few hundred bytes; this bounds the heap). */
    static final int MAX_LINE_BYTES = 64 << 20;

    /** A line that is not UTF-8 text: where its first bad byte is. */
    static final class NotUtf8 extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;
        /** 1-based column of the first character that does not decode. */
        final int column;
        /** 0-based offset of that byte in the file. */
        final long fileOffset;
        final int badByte;

        NotUtf8(int line, int column, long fileOffset, int badByte) {
            super("line " + line + " is not UTF-8 text");
            this.line = line;
            this.column = column;
            this.fileOffset = fileOffset;
            this.badByte = badByte;
        }
    }

    /** A line longer than the reader holds: it was skipped to its end. */
    static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;
        final long length;
        final int limit;

        LineTooLong(int line, long length, int limit) {
            super("line " + line + " has " + length + " bytes");
            this.line = line;
            this.length = length;
            this.limit = limit;
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
    private final int maxLineBytes;
    private int number;
    private boolean ended;
    private boolean newlineEnded;
    private long offset; // bytes consumed before the current chunk position
    private long lineStart;

    LineReader(InputStream in) {
        this(in, MAX_LINE_BYTES);
    }

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its {@code \n}, or null after the last one. */
    String next() throws IOException {
        if (ended) {
            return null;
        }
        buffer.reset();
        lineStart = offset;
        long length = 0;
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
            length += pos - start;
            offset += pos - start;
            if (length <= maxLineBytes) {
                buffer.write(chunk, start, pos - start);
            } else if (buffer.size() > 0) {
                buffer.reset(); // too long to hold: count the rest, keep none of it
            }
            if (pos < limit) {
                pos++; // the \n itself
                offset++;
                newline = true;
            }
        }
        number++;
        newlineEnded = newline;
        if (length > maxLineBytes) {
            throw new LineTooLong(number, length, maxLineBytes);
        }
        return decode(buffer.toByteArray());
    }

    private String decode(byte[] bytes) throws NotUtf8 {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        utf8.reset();
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new NotUtf8(number, out.position() + 1, lineStart + at, bytes[at] & 0xff);
        }
        out.flip();
        return out.toString();
    }

    /** Whether the line {@link #next()} returned last ended with {@code \n} (only the last line may not). */
    boolean newlineEnded() {
        return newlineEnded;
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
