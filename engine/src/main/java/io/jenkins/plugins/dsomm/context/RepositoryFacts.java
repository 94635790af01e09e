package io.jenkins.plugins.dsomm.context;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Facts a repository's files show, for the extended rule set: {@code file:.gitignore} and
 * {@code dependency-update-bot} (Renovate or Dependabot configured). Symbolic links are not followed.
 */
public final class RepositoryFacts {
    /** Fact: a dependency-update bot is configured. */
    public static final String DEPENDENCY_UPDATE_BOT = "dependency-update-bot";
    private static final List<String> BOT_FILES = List.of("renovate.json", "renovate.json5", ".renovaterc",
            ".renovaterc.json", ".github/renovate.json", ".github/renovate.json5", ".gitlab/renovate.json",
            ".github/dependabot.yml", ".github/dependabot.yaml");

    private RepositoryFacts() {
    }

    public static Set<String> detect(final Path root) {
        Set<String> facts = new TreeSet<>();
        if (root == null) {
            return facts;
        }
        if (Files.isRegularFile(root.resolve(".gitignore"), LinkOption.NOFOLLOW_LINKS)) {
            facts.add("file:.gitignore");
        }
        for (String f : BOT_FILES) {
            if (Files.isRegularFile(root.resolve(f), LinkOption.NOFOLLOW_LINKS)) {
                facts.add(DEPENDENCY_UPDATE_BOT);
                break;
            }
        }
        return facts;
    }
}
