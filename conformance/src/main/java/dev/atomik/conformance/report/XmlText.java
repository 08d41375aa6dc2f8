package dev.atomik.conformance.report;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Makes text safe for an XML 1.0 document. An adapter's name, its stderr tail and its replies reach
 * the JUnit report verbatim, and XML 1.0 forbids most C0 controls (ANSI colour sequences start with
 * one), U+FFFE, U+FFFF and unpaired surrogates anywhere, even escaped as character references; a
 * report holding one does not parse. Each forbidden character is written visibly instead ({@code \x1b},
 * {@code \ud800}), so a reader still sees that it was there.
 */
public final class XmlText {

    private XmlText() {
    }

    /** {@code text} with every character XML 1.0 forbids replaced by its visible escape; null stays null. */
    public static String clean(String text) {
        if (text == null || allowedThroughout(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i)); // a pair is one supplementary character, allowed
            } else if (allowed(c)) {
                out.append(c);
            } else if (c < 0x20) {
                out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean allowedThroughout(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!allowed(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** XML 1.0 {@code Char}, for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean allowed(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
    }

    /**
     * The JDK's stream writer with every attribute value and every text cleaned on the way in: the one
     * place the JUnit report's strings pass, so no call site can forget it.
     */
    static final class Writer {
        private final XMLStreamWriter xml;

        Writer(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void start(String element) throws XMLStreamException {
            xml.writeStartElement(element);
        }

        void empty(String element) throws XMLStreamException {
            xml.writeEmptyElement(element);
        }

        void attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, value == null ? "" : clean(value));
        }

        void text(String text) throws XMLStreamException {
            xml.writeCharacters(text == null ? "" : clean(text));
        }

        void end() throws XMLStreamException {
            xml.writeEndElement();
        }
    }
}
