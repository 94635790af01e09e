package io.jenkins.plugins.dsomm.bench;

import java.util.SplittableRandom;

/** Deterministic pseudo-random words, names, paths, versions and hashes for the generators. */
final class Words {
    static final String[] NOUNS = {"user", "account", "order", "invoice", "payment", "session", "token", "request",
        "response", "cache", "config", "profile", "basket", "product", "review", "address", "report", "upload",
        "image", "query", "filter", "router", "handler", "service", "client", "server", "store", "model", "view",
        "controller", "parser", "builder", "factory", "helper", "util", "mapper", "adapter", "gateway", "queue",
        "worker", "scheduler", "logger", "metric", "audit", "crypto", "hash", "cipher", "key", "secret", "vault"};
    static final String[] VERBS = {"read", "write", "load", "save", "send", "fetch", "parse", "render", "build",
        "check", "validate", "convert", "format", "encode", "decode", "resolve", "update", "delete", "create",
        "find", "list", "merge", "split", "copy", "sign", "verify", "encrypt", "decrypt", "compress", "upload"};
    static final String[] ADJECTIVES = {"untrusted", "user-provided", "remote", "unsafe", "tainted", "external",
        "unvalidated", "raw", "reflected", "stored", "serialized", "dynamic", "weak", "hard-coded", "insecure",
        "predictable", "missing", "incomplete", "overly permissive", "polynomial"};
    static final String[] DIRECTORIES = {"src/main/java/com/example", "src/main/kotlin/org/acme", "app/routes",
        "app/models", "lib", "frontend/src/app", "frontend/src/components", "backend/api", "server/handlers",
        "internal/service", "cmd/server", "pkg/util", "scripts", "services/payments", "services/users",
        "modules/core/src", "web/static/js", "api/v1", "infra/terraform", "deploy/k8s"};
    static final String[] EXTENSIONS = {"java", "kt", "ts", "js", "py", "go", "rb", "php", "cs", "tsx"};
    static final String[] LICENSES = {"Apache-2.0", "MIT", "BSD-3-Clause", "BSD-2-Clause", "EPL-2.0", "LGPL-2.1-only",
        "MPL-2.0", "ISC", "GPL-2.0-with-classpath-exception", "CDDL-1.1"};
    static final String[] CWES = {"CWE-79", "CWE-89", "CWE-22", "CWE-78", "CWE-94", "CWE-502", "CWE-611", "CWE-918",
        "CWE-400", "CWE-20", "CWE-200", "CWE-287", "CWE-352", "CWE-327", "CWE-798", "CWE-1333", "CWE-770"};
    static final String[] GROUPS = {"org.apache.commons", "com.fasterxml.jackson.core", "io.netty", "org.springframework",
        "org.eclipse.jetty", "com.google.guava", "io.projectreactor", "org.hibernate.orm", "ch.qos.logback",
        "org.yaml", "com.squareup.okhttp3", "io.micrometer", "org.bouncycastle", "org.glassfish.jersey.core",
        "io.grpc", "org.jetbrains.kotlin", "software.amazon.awssdk", "com.azure", "org.postgresql", "io.vertx"};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Words() {
    }

    static String pick(final SplittableRandom r, final String[] words) {
        return words[r.nextInt(words.length)];
    }

    static String hex(final SplittableRandom r, final int digits) {
        char[] c = new char[digits];
        for (int i = 0; i < digits; i++) {
            c[i] = HEX[r.nextInt(16)];
        }
        return new String(c);
    }

    static String camel(final String word) {
        StringBuilder b = new StringBuilder(word.length());
        boolean up = true;
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (ch == '-' || ch == ' ') {
                up = true;
            }
            else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    /** A file path such as {@code app/routes/orderHandler.ts}. */
    static String path(final SplittableRandom r) {
        String ext = pick(r, EXTENSIONS);
        String name = pick(r, NOUNS) + camel(pick(r, NOUNS));
        if (ext.equals("java") || ext.equals("kt") || ext.equals("cs")) {
            name = camel(name);
        }
        return pick(r, DIRECTORIES) + "/" + pick(r, NOUNS) + "/" + name + "." + ext;
    }

    static String sentence(final SplittableRandom r, final int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(' ');
            }
            switch (r.nextInt(4)) {
                case 0 -> b.append(pick(r, VERBS));
                case 1 -> b.append(pick(r, ADJECTIVES));
                default -> b.append(pick(r, NOUNS));
            }
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.append('.').toString();
    }

    static String version(final SplittableRandom r) {
        return (1 + r.nextInt(12)) + "." + r.nextInt(30) + "." + r.nextInt(20);
    }

    static String timestamp(final SplittableRandom r) {
        return String.format("2025-%02d-%02dT%02d:%02d:%02dZ", 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24),
                r.nextInt(60), r.nextInt(60));
    }

    static String cve(final SplittableRandom r) {
        return "CVE-" + (2015 + r.nextInt(11)) + "-" + (1000 + r.nextInt(60000));
    }
}
