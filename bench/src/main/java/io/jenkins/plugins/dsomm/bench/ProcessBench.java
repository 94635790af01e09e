package io.jenkins.plugins.dsomm.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole processes, as a CI job runs them, paired in one run: for each real-shaped input ({@link RealReports}) {@code
 * dsomm-gate inspect --json FILE}, analysis-model reading the same file in a process of its own ({@link
 * AnalysisModelRead}) and a raw Jackson token scan ({@link TokenScan}, the practical limit of a JVM process; also
 * with the C1 compiler only, as the launcher script runs the CLI), then {@code dsomm-gate catalog} (start-up alone).
 * Every way of starting the CLI in a group must print the same as the first. Every round runs every command once, in
 * the same order (A B C A B C …), after one round that is not counted (page cache, CPU frequency); each command's
 * wall time is measured around the process, its peak resident memory by {@code /usr/bin/time} (when installed).
 * Printed: per command the median, lowest and highest wall time and the median peak RSS, and the ratio to the first
 * command of its group, the median of the ratios of each round (a pair is two commands of the same round).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.jenkins.plugins.dsomm.bench.ProcessBench --rounds 5 \
 *     --cli cli/target/dsomm-gate.jar --classpath bench/target/classpath.txt [--samples codeql,trivy] \
 *     [--variant "LABEL=COMMAND..."]... [--before OLD.jar] [--java PATH]
 * </pre>
 *
 * {@code --variant} adds a way of starting the CLI (a launcher script, JVM options) to every group: the words of
 * COMMAND replace {@code java -jar CLI}. {@code --before} adds the same commands run with an older CLI jar.
 */
public final class ProcessBench {
    private static final Pattern TOTAL = Pattern.compile("\"total\" : (\\d+)");
    private static final String TIME = "/usr/bin/time";

    private ProcessBench() {
    }

    /** A command of the run and its measurements. */
    private static final class Command {
        final String group;
        final String label;
        final List<String> words;
        final List<Double> seconds = new ArrayList<>();
        final List<Long> rssKb = new ArrayList<>();
        Command first;
        final List<Double> ratios = new ArrayList<>();
        String output = "";
        /** What the first command of a group printed, which every way of starting the CLI must print too. */
        String firstOutput;

        Command(final String group, final String label, final List<String> words) {
            this.group = group;
            this.label = label;
            this.words = words;
        }
    }

    public static void main(final String[] args) throws IOException, InterruptedException {
        int rounds = 5;
        String cli = "cli/target/dsomm-gate.jar";
        String classpathFile = "bench/target/classpath.txt";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String before = null;
        List<String> samples = null;
        Map<String, List<String>> variants = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--cli" -> cli = args[++i];
                case "--classpath" -> classpathFile = args[++i];
                case "--java" -> java = args[++i];
                case "--before" -> before = args[++i];
                case "--samples" -> samples = Arrays.asList(args[++i].split(","));
                case "--variant" -> {
                    String v = args[++i];
                    int eq = v.indexOf('=');
                    variants.put(v.substring(0, eq), Arrays.asList(v.substring(eq + 1).trim().split("\\s+")));
                }
                default -> {
                    System.err.println("usage: ProcessBench [--rounds N] [--cli JAR] [--classpath FILE] [--java PATH]"
                            + " [--samples codeql,semgrep,trivy,cyclonedx,dependency-check]"
                            + " [--variant LABEL=COMMAND]... [--before JAR]");
                    System.exit(64);
                }
            }
        }
        String classes = Path.of("bench/target/classes").toAbsolutePath().toString();
        String dependencies = Files.readString(Path.of(classpathFile)).trim();
        String jacksonCore = Arrays.stream(dependencies.split(File.pathSeparator))
                .filter(e -> Path.of(e).getFileName().toString().startsWith("jackson-core-")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no jackson-core in the class path " + dependencies));
        List<String> cliJava = List.of(java, "-jar", cli);

        List<Command> commands = new ArrayList<>();
        if (RealReports.samplesDir().isEmpty()) {
            System.out.println(RealReports.missingMessage() + ": only the start-up is measured");
        }
        else {
            for (RealReports.Sample s : RealReports.Sample.values()) {
                if (samples != null && !samples.contains(s.key())) {
                    continue;
                }
                RealReports.Scaled scaled = RealReports.scaled(s);
                String file = scaled.file().toString();
                String group = String.format(Locale.ROOT, "%s ×%d (%.1f MB)", s.key(), scaled.times(),
                        scaled.megabytes());
                List<Command> g = new ArrayList<>();
                g.add(new Command(group, "dsomm-gate inspect --json", concat(cliJava, "inspect", "--json", file)));
                variants.forEach((label, words) -> g.add(new Command(group, "dsomm-gate inspect --json, " + label,
                        concat(words, "inspect", "--json", file))));
                if (before != null) {
                    g.add(new Command(group, "dsomm-gate inspect --json, before", concat(List.of(java, "-jar",
                            before), "inspect", "--json", file)));
                }
                g.add(new Command(group, "analysis-model 13.18", List.of(java, "-cp",
                        classes + File.pathSeparator + dependencies, AnalysisModelRead.class.getName(),
                        s.parserId(), file)));
                g.add(new Command(group, "raw Jackson token scan", List.of(java, "-cp",
                        classes + File.pathSeparator + jacksonCore, TokenScan.class.getName(), file)));
                g.add(new Command(group, "raw Jackson token scan, C1 only", List.of(java, "-XX:TieredStopAtLevel=1",
                        "-cp", classes + File.pathSeparator + jacksonCore, TokenScan.class.getName(), file)));
                commands.addAll(group(g));
            }
        }
        List<Command> startup = new ArrayList<>();
        startup.add(new Command("start-up", "dsomm-gate catalog", concat(cliJava, "catalog")));
        variants.forEach((label, words) -> startup.add(new Command("start-up", "dsomm-gate catalog, " + label,
                concat(words, "catalog"))));
        if (before != null) {
            startup.add(new Command("start-up", "dsomm-gate catalog, before", List.of(java, "-jar", before,
                    "catalog")));
        }
        commands.addAll(group(startup));

        boolean timeAvailable = Files.isExecutable(Path.of(TIME));
        if (!timeAvailable) {
            System.out.println(TIME + " not found: peak memory is not measured");
        }
        Path scratch = Files.createTempDirectory("process-bench");
        System.out.printf(Locale.ROOT, "%d commands, 1 round not counted, then %d rounds; java: %s%n",
                commands.size(), rounds, java);
        for (int round = 0; round <= rounds; round++) {
            for (Command c : commands) {
                double[] m = run(c, scratch, timeAvailable, round == 0);
                if (round > 0) {
                    c.seconds.add(m[0]);
                    c.rssKb.add((long) m[1]);
                }
            }
            if (round > 0) {
                for (Command c : commands) {
                    c.ratios.add(c.seconds.get(round - 1) / c.first.seconds.get(round - 1));
                }
            }
            System.out.printf(Locale.ROOT, "round %d done%n", round);
            if (round == 0) {
                Thread.sleep(10_000); // background work the first runs started (the launcher's archive) ends
            }
        }
        print(commands, rounds);
        deleteTree(scratch);
    }

    private static List<Command> group(final List<Command> g) {
        g.forEach(c -> c.first = g.get(0));
        return g;
    }

    private static List<String> concat(final List<String> head, final String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all;
    }

    /** Runs a command once: {wall seconds, peak RSS in KiB or -1}. Output is kept from the first run. */
    private static double[] run(final Command c, final Path scratch, final boolean time, final boolean keepOutput)
            throws IOException, InterruptedException {
        Path out = scratch.resolve("out");
        Path rss = scratch.resolve("rss");
        Path err = scratch.resolve("err");
        List<String> words = new ArrayList<>();
        if (time) {
            words.addAll(List.of(TIME, "-f", "%M", "-o", rss.toString()));
        }
        words.addAll(c.words);
        ProcessBuilder pb = new ProcessBuilder(words).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(c.label + " exited with " + code + ": " + String.join(" ", c.words)
                    + "\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        if (keepOutput) {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (c.first.label.startsWith("dsomm-gate") && c.label.startsWith("dsomm-gate")) {
                if (c == c.first) {
                    c.firstOutput = text;
                }
                else if (!text.equals(c.first.firstOutput)) {
                    throw new IllegalStateException(c.label + " printed other output than " + c.first.label);
                }
            }
            Matcher m = TOTAL.matcher(text);
            c.output = m.find() ? m.group(1) + " open findings" : text.strip().lines().reduce((a, b) -> b).orElse("");
        }
        long kb = -1;
        if (time) {
            List<String> lines = Files.readAllLines(rss);
            kb = Long.parseLong(lines.get(lines.size() - 1).trim());
        }
        return new double[] {seconds, kb};
    }

    private static void print(final List<Command> commands, final int rounds) {
        System.out.println();
        System.out.printf(Locale.ROOT, "| input | command | wall, median of %d | lowest – highest | peak RSS, median "
                + "| × first of the group (median of the pairs) | output |%n", rounds);
        System.out.println("|---|---|---:|---:|---:|---:|---|");
        for (Command c : commands) {
            long rss = (long) median(c.rssKb.stream().map(Long::doubleValue).toList());
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f s | %.2f – %.2f s | %s | %s | %s |%n", c.group, c.label,
                    median(c.seconds), c.seconds.stream().mapToDouble(d -> d).min().orElse(0),
                    c.seconds.stream().mapToDouble(d -> d).max().orElse(0),
                    rss < 0 ? "-" : String.format(Locale.ROOT, "%.0f MB", rss * 1024 / 1e6),
                    c == c.first ? "1" : String.format(Locale.ROOT, "%.2f", median(c.ratios)), c.output);
        }
        System.out.println();
        System.out.println("Pairs (median over the rounds of the ratio of the two commands' times in a round):");
        for (Command c : commands) {
            if (!c.label.startsWith("dsomm-gate inspect")) {
                continue;
            }
            StringBuilder line = new StringBuilder(c.group + ": " + c.label + ":");
            for (Command other : commands) {
                if (other.group.equals(c.group) && other.label.startsWith("raw")) {
                    line.append(String.format(Locale.ROOT, " %.2f× the time of the %s;", pair(c, other),
                            other.label));
                }
                else if (other.group.equals(c.group) && other.label.startsWith("analysis-model")) {
                    line.append(String.format(Locale.ROOT, " %.2f× faster than analysis-model;", pair(other, c)));
                }
            }
            System.out.println(line);
        }
        for (Command c : commands) {
            if (c != c.first && c.label.startsWith("dsomm-gate catalog")) {
                System.out.printf(Locale.ROOT, "%s: %s: %.2f× the time of %s%n", c.group, c.label, pair(c, c.first),
                        c.first.label);
            }
        }
    }

    /** The median over the rounds of a's time / b's time in the same round. */
    private static double pair(final Command a, final Command b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.seconds.size(); i++) {
            ratios.add(a.seconds.get(i) / b.seconds.get(i));
        }
        return median(ratios);
    }

    private static double median(final List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(d -> d).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void deleteTree(final Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
