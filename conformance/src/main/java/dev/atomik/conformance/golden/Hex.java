package dev.atomik.conformance.golden;

import java.util.Locale;

/**
 * The hex notation of traces (VAL-HEX-1): {@code 0x} and 1 to 16 digits for 64-bit quantities, and
 * bare even-length digit strings for wire bytes. Written forms are canonical (lower case, no
 * leading zeros) so that generated files are byte-for-byte reproducible.
 */
public final class Hex {
    private Hex() {
    }

    /** Canonical form of an unsigned 64-bit quantity: {@code 0x} then lower-case digits, no leading zeros. */
    public static String of(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** Parses {@code 0x} + 1..16 hex digits (either case) as an unsigned 64-bit quantity. */
    public static long parse(String text) {
        if (text == null || !text.matches("0[xX][0-9a-fA-F]{1,16}")) {
            throw new IllegalArgumentException("expected a hex string like \"0x0\", got " + text);
        }
        return Long.parseUnsignedLong(text.substring(2), 16);
    }

    /** Canonical form of a hex string that is already valid: parse, then print. */
    public static String normalise(String text) {
        return of(parse(text));
    }

    /** Bytes as lower-case hex digits, two per byte, no prefix. */
    public static String bytes(byte[] data) {
        StringBuilder out = new StringBuilder(data.length * 2);
        for (byte b : data) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    /** Parses an even number of hex digits (no prefix, either case) into bytes. */
    public static byte[] parseBytes(String text) {
        if (text == null || !text.matches("([0-9a-fA-F]{2})*")) {
            throw new IllegalArgumentException("expected an even number of hex digits, got " + text);
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** Lower-cases a byte string (the canonical form of the {@code bytes} notation). */
    public static String normaliseBytes(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
