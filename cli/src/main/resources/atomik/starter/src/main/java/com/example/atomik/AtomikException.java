package com.example.atomik;

/** An ATOMiK operation failed; {@link #code()} is a code of the kit's spec/errors.md. */
public final class AtomikException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public AtomikException(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
