package io.jenkins.plugins.dsomm.context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the command line can tell about the build it runs in: a CI environment (from the variables CI systems
 * set), the git work tree it runs in, and whether a scheduler started it.
 */
public final class CiEnvironment {
    /** Variables whose presence means "running in CI". */
    public static final List<String> CI_VARIABLES = List.of("CI", "JENKINS_URL", "GITHUB_ACTIONS", "GITLAB_CI",
            "BUILDKITE", "CIRCLECI", "TF_BUILD", "TEAMCITY_VERSION", "BITBUCKET_BUILD_NUMBER", "DRONE", "TRAVIS",
            "CODEBUILD_BUILD_ID", "BAMBOO_BUILDKEY", "WOODPECKER_CI", "SEMAPHORE", "APPVEYOR");

    private CiEnvironment() {
    }

    public static boolean isCi(final Map<String, String> env) {
        for (String v : CI_VARIABLES) {
            String value = env.get(v);
            if (value != null && !value.isBlank() && !"false".equalsIgnoreCase(value) && !"0".equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a scheduler started the run (GitHub Actions schedule, GitLab schedule, Jenkins timer cause). */
    public static boolean isScheduled(final Map<String, String> env) {
        return "schedule".equals(env.get("GITHUB_EVENT_NAME")) || "schedule".equals(env.get("CI_PIPELINE_SOURCE"))
                || env.getOrDefault("BUILD_CAUSE", "").contains("TIMERTRIGGER");
    }

    /** The root of the git work tree containing {@code dir}, if any. */
    public static Optional<Path> gitRoot(final Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        while (d != null) {
            if (Files.exists(d.resolve(".git"))) {
                return Optional.of(d);
            }
            d = d.getParent();
        }
        return Optional.empty();
    }

    /**
     * The build context from the environment.
     *
     * @param env      environment variables
     * @param dir      the working directory
     * @param pipeline forced pipeline flag, or null to detect
     * @param scm      forced SCM flag, or null to detect
     * @param facts    further facts given by the user
     */
    public static BuildContext detect(final Map<String, String> env, final Path dir, final Boolean pipeline,
            final Boolean scm, final Set<String> facts) {
        Optional<Path> root = gitRoot(dir);
        Set<String> all = new TreeSet<>(facts);
        all.addAll(RepositoryFacts.detect(root.orElse(dir)));
        if (isScheduled(env)) {
            all.add("timer-trigger");
        }
        return new BuildContext(pipeline != null ? pipeline : isCi(env), scm != null ? scm : root.isPresent(), all);
    }
}
