package io.jenkins.plugins.dsomm.evidence;

import java.util.Locale;
import java.util.Set;

/**
 * Derives {@link Evidence#facets() facets} (what a report covers) from the file paths, package URLs and
 * ecosystem words that reports contain. Facets are {@code name:value} strings used by mapping rules.
 */
public final class Facets {
    /** The JavaScript package ecosystem (npm, yarn, pnpm, bower). */
    public static final String ECOSYSTEM_NPM = "ecosystem:npm";
    /** Code written in JavaScript or TypeScript (.js, .jsx, .mjs, .cjs, .ts, .tsx, .vue). */
    public static final String LANGUAGE_JAVASCRIPT = "language:javascript";
    public static final String TARGET_KUBERNETES = "target:kubernetes";
    public static final String TARGET_DOCKERFILE = "target:dockerfile";
    public static final String TARGET_TERRAFORM = "target:terraform";
    public static final String TARGET_HELM = "target:helm";
    public static final String TARGET_CLOUDFORMATION = "target:cloudformation";
    public static final String TARGET_IMAGE = "target:image";

    private Facets() {
    }

    /** Facets a file path shows: its language, or the infrastructure definition it is. */
    public static void fromPath(final String path, final Set<String> out) {
        if (path == null || path.isEmpty()) {
            return;
        }
        String p = path.toLowerCase(Locale.ROOT);
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        int slash = p.lastIndexOf('/');
        String name = slash >= 0 ? p.substring(slash + 1) : p;
        int dot = name.lastIndexOf('.');
        String ext = dot >= 0 ? name.substring(dot + 1) : "";
        switch (ext) {
            case "js", "jsx", "mjs", "cjs", "ts", "tsx", "vue" -> out.add(LANGUAGE_JAVASCRIPT);
            case "java" -> out.add("language:java");
            case "kt", "kts" -> out.add("language:kotlin");
            case "py" -> out.add("language:python");
            case "go" -> out.add("language:go");
            case "rb" -> out.add("language:ruby");
            case "php" -> out.add("language:php");
            case "cs" -> out.add("language:csharp");
            case "c", "h", "cc", "cpp", "cxx", "hpp" -> out.add("language:c");
            case "sh", "bash" -> out.add("language:shell");
            case "tf", "hcl" -> out.add(TARGET_TERRAFORM);
            default -> {
                // no language facet
            }
        }
        if (name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")
                || name.equals("containerfile")) {
            out.add(TARGET_DOCKERFILE);
        }
        if (name.equals("chart.yaml") || name.equals("values.yaml") || p.contains("/templates/") && ext.startsWith("y")) {
            out.add(TARGET_HELM);
        }
        if (name.equals("package.json") || name.equals("package-lock.json") || name.equals("yarn.lock")
                || name.equals("pnpm-lock.yaml") || name.equals("npm-shrinkwrap.json")) {
            out.add(ECOSYSTEM_NPM);
        }
    }

    /** The facet of a package URL ({@code pkg:npm/left-pad@1.3.0}), or null. */
    public static String fromPurl(final String purl) {
        if (purl == null || !purl.regionMatches(true, 0, "pkg:", 0, 4)) {
            return null;
        }
        int end = purl.indexOf('/', 4);
        if (end < 0) {
            return null;
        }
        return fromEcosystem(purl.substring(4, end));
    }

    /**
     * The facet of an ecosystem or package-type word as tools write it (Trivy {@code Type}, OSV
     * {@code ecosystem}, Snyk {@code packageManager}, Grype {@code artifact.type}...), or null.
     */
    public static String fromEcosystem(final String word) {
        if (word == null || word.isBlank()) {
            return null;
        }
        String w = word.trim().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "npm", "yarn", "pnpm", "bower", "node-pkg", "node", "nodejs", "javascript", "bun" -> ECOSYSTEM_NPM;
            case "maven", "jar", "pom", "gradle", "java-archive", "java" -> "ecosystem:maven";
            case "pypi", "pip", "pipenv", "poetry", "python-pkg", "python", "uv", "conda" -> "ecosystem:pypi";
            case "golang", "go", "gomod", "gobinary", "go-module" -> "ecosystem:go";
            case "cargo", "rust", "rust-crate", "crates.io", "rustbinary" -> "ecosystem:cargo";
            case "gem", "rubygems", "gemspec", "bundler", "ruby" -> "ecosystem:rubygems";
            case "composer", "php", "php-composer" -> "ecosystem:composer";
            case "nuget", "dotnet-core", "dotnet-deps", ".net", "dotnet" -> "ecosystem:nuget";
            case "deb", "debian", "ubuntu", "dpkg" -> "ecosystem:deb";
            case "rpm", "redhat", "centos", "rocky", "alma", "amazon", "fedora" -> "ecosystem:rpm";
            case "apk", "alpine", "wolfi", "chainguard" -> "ecosystem:apk";
            default -> "ecosystem:" + w.replaceAll("[^a-z0-9.+-]", "");
        };
    }

    /** The facet of an infrastructure framework word (Checkov {@code check_type}, KICS {@code platform}...). */
    public static String fromIacFramework(final String word) {
        if (word == null || word.isBlank()) {
            return null;
        }
        String w = word.trim().toLowerCase(Locale.ROOT);
        if (w.contains("kubernetes") || w.equals("k8s") || w.contains("kustomize")) {
            return TARGET_KUBERNETES;
        }
        if (w.contains("helm")) {
            return TARGET_HELM;
        }
        if (w.contains("docker") || w.equals("containerfile")) {
            return TARGET_DOCKERFILE;
        }
        if (w.contains("terraform") || w.equals("hcl") || w.equals("tf")) {
            return TARGET_TERRAFORM;
        }
        if (w.contains("cloudformation") || w.equals("cfn")) {
            return TARGET_CLOUDFORMATION;
        }
        return "target:" + w.replaceAll("[^a-z0-9.+-]", "");
    }
}
