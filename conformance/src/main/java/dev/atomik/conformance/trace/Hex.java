package dev.atomik.conformance.trace;

import java.util.regex.Pattern;

/**
 * The hex notations of VAL-HEX-1 and of the {@code bytes} operand. Values compare as unsigned 64-bit
 * numbers, so case and leading zeros never matter (TRACE-RESULT-1); byte strings compare digit by
 * digit, ignoring case only, because their length is meaningful.
 */
public final class Hex {
    private static final Pattern VALUE = Pattern.compile("0x[0-9a-fA-F]{1,16}");
    private static final Pattern BYTES = Pattern.compile("([0-9a-fA-F]{2})*");

    private Hex() {
    }

    /** True for {@code 0x} followed by 1 to 16 hex digits (VAL-HEX-1). */
    public static boolean isValue(String text) {
        return text != null && VALUE.matcher(text).matches();
    }

    /** True for an even number of hex digits without {@code 0x} (the {@code bytes} operand). */
    public static boolean isBytes(String text) {
        return text != null && BYTES.matcher(text).matches();
    }

    /** The unsigned 64-bit number of a VAL-HEX-1 string; the caller has checked {@link #isValue}. */
    public static long parse(String text) {
        return Long.parseUnsignedLong(text.substring(2), 16);
    }

    /** The canonical spelling: lower case, no leading zeros. */
    public static String format(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** The canonical spelling of a VAL-HEX-1 string, or the text unchanged when it is not one. */
    public static String normalise(String text) {
        return isValue(text) ? format(parse(text)) : text;
    }

    /** Decodes an even-length hex digit string. */
    public static byte[] parseBytes(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }

    /** Encodes bytes as lower-case hex digits without {@code 0x}. */
    public static String formatBytes(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }
}
