package dev.atomik.model.proof;

/** KeY could not load the model; the message is {@code file:line:col: cause}, never a stack trace. */
final class KeyLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    KeyLoadException(String message) {
        super(message, null, false, false);
    }
}
