package dev.atomik.replication;

/** Hex strings as traces spell them (VAL-HEX-1): {@code 0x} and 1 to 16 hex digits. */
public final class Hex {
    private Hex() {
    }

    /** Lower-case, no leading zeros: the normal form every writer in this module uses. */
    public static String of(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** Parses a VAL-HEX-1 string; {@code what} names the field in the error. */
    public static long parse(String text, String what) {
        if (text == null || !text.matches("0[xX][0-9a-fA-F]{1,16}")) {
            throw new IllegalArgumentException(what + ": expected a hex string like \"0x0\", got " + text);
        }
        return Long.parseUnsignedLong(text.substring(2), 16);
    }

    /** Bytes as an even number of hex digits without {@code 0x}, as trace {@code bytes} fields are. */
    public static String bytes(byte[] data) {
        StringBuilder out = new StringBuilder(data.length * 2);
        for (byte b : data) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    /** The inverse of {@link #bytes(byte[])}. */
    public static byte[] parseBytes(String text, String what) {
        if (text == null || text.length() % 2 != 0 || !text.matches("[0-9a-fA-F]*")) {
            throw new IllegalArgumentException(what + ": expected an even number of hex digits, got " + text);
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
