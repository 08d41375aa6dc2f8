package dev.atomik.conformance.trace;

/** The success reply an op gives (spec/adapter-protocol.md, PROTO-REPLY-1). */
public enum ResultShape {
    /** {@code {"ok":true}} */
    OK("ok"),
    /** {@code {"value":"0x.."}} */
    VALUE("value"),
    /** {@code {"message":{"addr","delta","seq"}}} */
    MESSAGE("message"),
    /** {@code {"messages":[..]}} */
    MESSAGES("messages"),
    /** {@code {"bytes":".."}} */
    BYTES("bytes");

    private final String member;

    ResultShape(String member) {
        this.member = member;
    }

    /** The reply member that carries this result. */
    public String member() {
        return member;
    }
}
