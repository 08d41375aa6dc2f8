package dev.atomik.spec;

/** One normative clause: a stable mnemonic ID, its strength, where it is written and what it says. */
public record Clause(String id, Strength strength, String file, int line, String text) {

    /** RFC 2119 strength; only MUST clauses need a trace or a waiver. */
    public enum Strength { MUST, SHOULD, MAY }

    /** The first sentence of the clause text, for indexes and reports. */
    public String summary() {
        String flat = text.replace('\n', ' ').trim();
        int intent = flat.indexOf("Intent:");
        if (intent >= 0) {
            flat = flat.substring(0, intent).trim();
        }
        int dot = flat.indexOf(". ");
        return dot > 0 ? flat.substring(0, dot + 1) : flat;
    }
}
