package dev.atomik.cli.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The repository files the evidence points at, copied into the site as pages with one anchor per
 * line ({@code #L101}), so a link from a clause lands on the contract, the trace or the theorem.
 */
final class SourcePages {
    private final Path root;
    private final Set<String> wanted = new TreeSet<>();

    SourcePages(Path root) {
        this.root = root;
    }

    /** The site-relative link to {@code repoPath} (line 0: the top), from a page {@code up} below the root. */
    String link(String up, String repoPath, int line) {
        if (!Files.isRegularFile(root.resolve(repoPath))) {
            return null;
        }
        wanted.add(repoPath);
        return up + "src/" + repoPath + ".html" + (line > 0 ? "#L" + line : "");
    }

    /** Writes every page linked so far. */
    int write(Path site, boolean hasResults) throws IOException {
        for (String repoPath : wanted) {
            Path out = site.resolve("src").resolve(repoPath + ".html");
            Files.createDirectories(out.getParent());
            String up = "../".repeat(repoPath.split("/").length);
            StringBuilder body = new StringBuilder("<h1 class=\"source\">" + Html.esc(repoPath) + "</h1>\n<pre class=\"source\">");
            int n = 0;
            for (String line : Files.readAllLines(root.resolve(repoPath), StandardCharsets.UTF_8)) {
                n++;
                body.append("<span class=\"line\" id=\"L").append(n).append("\"><a class=\"ln\" href=\"#L").append(n)
                    .append("\">").append(n).append("</a>").append(Html.esc(line)).append("</span>\n");
            }
            body.append("</pre>");
            Files.writeString(out, Html.page(up, repoPath, body.toString(), hasResults), StandardCharsets.UTF_8);
        }
        return wanted.size();
    }
}
