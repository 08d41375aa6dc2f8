package dev.atomik.conformance.pit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Reads PIT's {@code mutations.xml} (outputFormats XML) with the JDK's DOM parser. */
final class MutationsXml {
    private MutationsXml() {
    }

    static List<Mutant> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes = factory.newDocumentBuilder().parse(in).getDocumentElement().getElementsByTagName("mutation");
            List<Mutant> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(mutant(file, (Element) nodes.item(i), i + 1));
            }
            return out;
        } catch (SAXParseException e) {
            throw new IOException(file + ":" + e.getLineNumber() + ": not PIT's mutations.xml: " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(file + ": not PIT's mutations.xml: " + e.getMessage(), e);
        }
    }

    private static Mutant mutant(Path file, Element e, int n) throws IOException {
        String where = file + ": mutation " + n;
        String status = e.getAttribute("status");
        Mutant.Status parsed;
        try {
            parsed = Mutant.Status.valueOf(status);
        } catch (IllegalArgumentException ex) {
            throw new IOException(where + ": unknown status '" + status + "'");
        }
        String mutator = text(e, "mutator", where);
        String line = text(e, "lineNumber", where);
        String index = text(e, "index", where);
        try {
            return new Mutant(text(e, "mutatedClass", where), text(e, "mutatedMethod", where), Integer.parseInt(line),
                    Integer.parseInt(index),
                    mutator.substring(mutator.lastIndexOf('.') + 1), text(e, "description", where), parsed,
                    optional(e, "killingTest"));
        } catch (NumberFormatException ex) {
            throw new IOException(where + ": lineNumber '" + line + "' or index '" + index + "' is not a number");
        }
    }

    private static String text(Element e, String tag, String where) throws IOException {
        String value = optional(e, tag);
        if (value == null) {
            throw new IOException(where + ": no <" + tag + ">");
        }
        return value;
    }

    private static String optional(Element e, String tag) {
        NodeList list = e.getElementsByTagName(tag);
        if (list.getLength() == 0) {
            return null;
        }
        Node node = list.item(0);
        return node.getTextContent().trim();
    }
}
