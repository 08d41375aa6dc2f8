package dev.atomik.cli.site;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a spec file with commonmark-java: each clause heading gets its ID as anchor
 * ({@code #CTX-SWAP-2}) and the clause's evidence panel after its text; links between spec files
 * point at their pages.
 */
final class SpecPages {
    private static final Pattern CLAUSE = Pattern.compile("^([A-Z]+(?:-[A-Z]+)*-[0-9]+) · (MUST|SHOULD|MAY)$");
    /** GitHub's anchor for a clause heading, as CLAUSES.md writes it: {@code ctx-load-1--must}. */
    private static final Pattern GITHUB_ANCHOR = Pattern.compile("^([a-z]+(?:-[a-z]+)*-[0-9]+)--(?:must|should|may)$");

    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions)
            .attributeProviderFactory(context -> SpecPages::attributes).build();
    private final EvidencePanel panel;
    private final SourcePages sources;

    SpecPages(EvidencePanel panel, SourcePages sources) {
        this.panel = panel;
        this.sources = sources;
    }

    String render(String markdown) {
        // A clause's Intent, Example and Note lines start paragraphs of their own on the page.
        Node doc = parser.parse(markdown.replaceAll("\n(Intent:|Example:|Note:) ", "\n\n$1 "));
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(rewrite(link.getDestination()));
                visitChildren(link);
            }
        });
        // Each clause runs from its heading to the next heading; its evidence goes just before that.
        Node node = doc.getFirstChild();
        String open = null;
        while (node != null) {
            Node next = node.getNext();
            if (node instanceof Heading h) {
                if (open != null) {
                    node.insertBefore(block(panel.html(open)));
                }
                Matcher m = CLAUSE.matcher(text(h));
                open = m.matches() ? m.group(1) : null;
            }
            if (next == null && open != null) {
                node.insertAfter(block(panel.html(open)));
                open = null;
            }
            node = next;
        }
        return renderer.render(doc);
    }

    private static HtmlBlock block(String html) {
        HtmlBlock b = new HtmlBlock();
        b.setLiteral(html);
        return b;
    }

    private static void attributes(Node node, String tag, Map<String, String> attributes) {
        if (node instanceof Paragraph p && text(p).startsWith("Example:")) {
            attributes.put("class", "example");
            attributes.put("title", "checked on the reference model by mvn verify (spec/examples.md)");
        } else if (node instanceof Paragraph p && text(p).startsWith("Intent:")) {
            attributes.put("class", "intent");
        }
        if (node instanceof Heading h) {
            Matcher m = CLAUSE.matcher(text(h));
            if (m.matches()) {
                attributes.put("id", m.group(1));
                attributes.put("class", "clause " + m.group(2).toLowerCase());
            } else {
                attributes.put("id", text(h).toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""));
            }
        }
    }

    static String text(Node node) {
        StringBuilder b = new StringBuilder();
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                b.append(t.getLiteral());
            } else {
                b.append(text(c));
            }
        }
        return b.toString().strip();
    }

    /** {@code values.md#ctx-load-1--must} → {@code values.html#CTX-LOAD-1}; other {@code .md} links → {@code .html}. */
    String rewrite(String destination) {
        if (destination == null || destination.contains("://")) {
            return destination;
        }
        String path = destination;
        String anchor = "";
        int hash = destination.indexOf('#');
        if (hash >= 0) {
            path = destination.substring(0, hash);
            anchor = destination.substring(hash + 1);
            Matcher m = GITHUB_ANCHOR.matcher(anchor);
            if (m.matches()) {
                anchor = m.group(1).toUpperCase();
            }
            anchor = "#" + anchor;
        }
        if (path.endsWith(".md") && !path.contains("/")) {
            path = path.substring(0, path.length() - 3) + ".html";
        } else if (path.startsWith("../")) {
            String source = sources.link("../", path.substring(3), 0);
            path = source != null ? source : path;
        }
        return path + anchor;
    }
}
