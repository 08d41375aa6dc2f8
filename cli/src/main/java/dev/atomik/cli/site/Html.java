package dev.atomik.cli.site;

/** Escaping and the page frame shared by every page of the site. */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A whole page.
     *
     * @param up    the path from the page's folder to the site root ({@code ""} or {@code "../"})
     * @param title the page title
     * @param body  the page's HTML
     */
    static String page(String up, String title, String body, boolean hasResults) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · ATOMiK evidence</title>"
                + "<link rel=\"stylesheet\" href=\"" + up + "style.css\"></head><body>\n"
                + "<nav><a class=\"home\" href=\"" + up + "index.html\">ATOMiK evidence</a>"
                + "<a href=\"" + up + "spec/README.html\">spec</a>"
                + "<a href=\"" + up + "spec/CLAUSES.html\">clauses</a>"
                + "<a href=\"" + up + "coverage.html\">coverage</a>"
                + "<a href=\"" + up + "spec/trust-ledger.html\">trust ledger</a>"
                + (hasResults ? "<a href=\"" + up + "results.html\">results</a>" : "")
                + "</nav>\n<main>\n" + body + "\n</main></body></html>\n";
    }
}
