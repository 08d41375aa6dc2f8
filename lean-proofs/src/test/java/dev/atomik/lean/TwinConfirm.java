package dev.atomik.lean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-confirms pairs after a person has checked that the twins still state the theorem: writes each named
 * theorem's current {@link TwinHash} into its {@code confirmedHash} in twins.json, changing nothing else
 * in the file. Run as {@code mvn -pl lean-proofs test -Datomik.confirm=Atomik.Ctx.accum_read,...} (or
 * {@code =all}); the same run then checks the result.
 */
final class TwinConfirm {
    private TwinConfirm() {
    }

    static List<String> confirm(Path mapping, CrossCheck.Result result, String which) throws IOException {
        Set<String> names = Set.of(which.split("\\s*,\\s*"));
        boolean all = names.contains("all");
        String text = Files.readString(mapping, StandardCharsets.UTF_8);
        List<String> done = new ArrayList<>();
        for (CrossCheck.Row row : result.rows()) {
            String name = row.theorem().name();
            if ((!all && !names.contains(name)) || row.hash().isEmpty()) {
                continue;
            }
            Matcher m = Pattern.compile("(\"" + Pattern.quote(name) + "\"\\s*:\\s*\\{\\s*\"confirmedHash\"\\s*:\\s*\")([^\"]*)(\")")
                    .matcher(text);
            if (m.find() && !m.group(2).equals(row.hash())) {
                text = text.substring(0, m.start(2)) + row.hash() + text.substring(m.end(2));
                done.add(name);
            }
        }
        Files.writeString(mapping, text, StandardCharsets.UTF_8);
        return done;
    }
}
