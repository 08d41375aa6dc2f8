package dev.atomik.conformance.adapter;

/** An implementation's handshake: who it is and what it can do (PROTO-HELLO-1). */
public record Hello(String name, String version, Capabilities capabilities) {
}
