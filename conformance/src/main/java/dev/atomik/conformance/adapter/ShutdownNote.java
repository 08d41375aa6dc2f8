package dev.atomik.conformance.adapter;

/**
 * How an implementation's shutdown went wrong (spec/adapter-protocol.md, Shutdown: after {@code bye}
 * it exits with status 0 within the grace period, "or it is killed and the run notes it"). Not a
 * verdict on any trace: the run lists it once, with how many times it happened.
 *
 * @param detail what happened, for people ("did not exit within 2 s of bye; killed")
 */
public record ShutdownNote(Kind kind, String detail) {

    public enum Kind {
        /** It did not exit within the grace period after {@code bye} and was killed. */
        KILLED_AFTER_BYE,
        /** It exited after {@code bye}, but with a non-zero status. */
        EXIT_STATUS_AFTER_BYE
    }
}
