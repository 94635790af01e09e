package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a generated report of the size asked for through the {@link Ingestor} (content detection, then the
 * parser), in this JVM, and prints what it read and the heap it took. {@link HugeReportsTest} runs it in a JVM
 * with a small heap; by hand:
 *
 * <pre>
 * java -Xmx128m -cp "$(cat cp.txt)" io.jenkins.plugins.dsomm.ingest.HugeReportProbe sarif 1073741824
 * </pre>
 *
 * Shapes: {@code sarif}, {@code cyclonedx-json}, {@code checkstyle-xml} (many ordinary records),
 * {@code sarif-one-string}, {@code checkstyle-xml-one-attribute} (the whole size in one value).
 */
public final class HugeReportProbe {
    private static final String PADDING = "The value flows from an untrusted source into a sensitive sink without "
            + "validation; see the rule's help for the safe pattern and a worked example. ";

    private HugeReportProbe() {
    }

    public static void main(final String[] args) throws InterruptedException {
        String shape = args[0];
        long target = Long.parseLong(args[1]);
        GeneratedReport report = generate(shape, target);
        HeapWatch watch = new HeapWatch();
        long start = System.nanoTime();
        IngestedFile outcome = new Ingestor().readFile(report, null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        watch.stop();
        StringBuilder b = new StringBuilder("RESULT bytes=").append(report.size()).append(" status=")
                .append(outcome.status()).append(" format=").append(outcome.format());
        for (Evidence e : outcome.evidence()) {
            b.append(" tool=").append(e.tool()).append(" open=").append(e.open()).append(" kept=")
                    .append(e.findings().size()).append(" truncated=").append(e.findingsTruncated())
                    .append(" components=").append(e.components()).append(" packages=").append(e.packages().size());
        }
        if (outcome.error() != null) {
            b.append(" error=").append(outcome.error());
        }
        System.out.println(b);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long retained = rt.totalMemory() - rt.freeMemory(); // the evidence is still reachable: outcome is used below
        System.out.println(String.format(Locale.ROOT, "HEAP max=%d peak=%d live=%d retained=%d millis=%d files=%d",
                rt.maxMemory(), watch.peak(), watch.live(), retained, millis, List.of(outcome).size()));
    }

    /**
     * The heap used while parsing: the highest use seen (sampled every millisecond and before each collection)
     * and the highest use left after a collection (what is live).
     */
    private static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong live = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                    if (running && GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                        peak.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
                        live.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
            sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(1);
                    }
                    catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }

        private static long heap(final Map<String, MemoryUsage> pools) {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pools.containsKey(pool.getName())) {
                    sum += pools.get(pool.getName()).getUsed();
                }
            }
            return sum;
        }

        void stop() throws InterruptedException {
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            running = false;
            sampler.join();
        }

        long peak() {
            return peak.get();
        }

        long live() {
            return live.get();
        }
    }

    private static String level(final long i) {
        return switch ((int) (i % 3)) {
            case 0 -> "error";
            case 1 -> "warning";
            default -> "note";
        };
    }

    static GeneratedReport generate(final String shape, final long target) {
        return switch (shape) {
            case "sarif" -> sarif(target);
            case "sarif-one-string" -> new GeneratedReport.Builder()
                    .text("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"HugeScan\"}},\"results\":["
                            + "{\"ruleId\":\"R1\",\"level\":\"error\",\"message\":{\"text\":\"")
                    .records(target / 1024, 1024, "", i -> "x")
                    .text("\"}}]}]}").build("one-string.sarif");
            case "cyclonedx-json" -> cycloneDx(target);
            case "checkstyle-xml" -> checkstyle(target);
            case "checkstyle-xml-one-attribute" -> new GeneratedReport.Builder()
                    .text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"10.20.1\"><file name=\"A.java\">"
                            + "<error line=\"1\" severity=\"error\" source=\"S\" message=\"")
                    .records(target / 1024, 1024, "", i -> "x")
                    .text("\"/></file></checkstyle>\n").build("one-attribute.xml");
            case "junit-xml-one-text" -> new GeneratedReport.Builder()
                    .text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"S\" tests=\"1\" failures=\"0\">"
                            + "<testcase name=\"t\" classname=\"C\"><system-out>")
                    .records(target / 1024, 1024, "", i -> "log line " + i)
                    .text("</system-out></testcase></testsuite>\n").build("TEST-huge.xml");
            case "junit-xml-one-cdata" -> new GeneratedReport.Builder()
                    .text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"S\" tests=\"1\" failures=\"0\">"
                            + "<testcase name=\"t\" classname=\"C\"><system-out><![CDATA[")
                    .records(target / 1024, 1024, "", i -> "log line " + i)
                    .text("]]></system-out></testcase></testsuite>\n").build("TEST-huge.xml");
            case "junit-xml-one-comment" -> new GeneratedReport.Builder()
                    .text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"S\" tests=\"1\" failures=\"0\">"
                            + "<testcase name=\"t\" classname=\"C\"><!--")
                    .records(target / 1024, 1024, "", i -> "log line " + i)
                    .text("--></testcase></testsuite>\n").build("TEST-huge.xml");
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private static GeneratedReport sarif(final long target) {
        String header = "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":"
                + "[{\"tool\":{\"driver\":{\"name\":\"HugeScan\",\"version\":\"1.0\"}},\"results\":[";
        String footer = "]}]}";
        int length = 640;
        long count = (target - header.length() - footer.length() + 1) / (length + 1);
        return new GeneratedReport.Builder().text(header).records(count, length, ",", i -> "{\"ruleId\":\"R" + (i % 500)
                + "\",\"level\":\"" + level(i) + "\",\"message\":{\"text\":\"Finding " + i + ": " + PADDING + PADDING
                + "\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/module" + (i % 1000)
                + "/File" + i + ".java\"},\"region\":{\"startLine\":" + (i % 5000 + 1) + "}}}]}")
                .text(footer).build("huge.sarif");
    }

    private static GeneratedReport cycloneDx(final long target) {
        String header = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"metadata\":{\"timestamp\":"
                + "\"2026-11-01T10:00:00Z\",\"tools\":{\"components\":[{\"type\":\"application\",\"name\":\"HugeBom\","
                + "\"version\":\"1.0\"}]}},\"components\":[";
        String middle = "],\"vulnerabilities\":[";
        String footer = "]}";
        int componentLength = 400;
        int vulnerabilityLength = 200;
        long body = target - header.length() - middle.length() - footer.length();
        long components = body * 9 / 10 / (componentLength + 1);
        long vulnerabilities = (body - components * (componentLength + 1)) / (vulnerabilityLength + 1);
        return new GeneratedReport.Builder().text(header)
                .records(components, componentLength, ",", i -> "{\"type\":\"library\",\"bom-ref\":\"c" + i
                        + "\",\"name\":\"lib" + i + "\",\"version\":\"1.0." + (i % 100) + "\",\"purl\":\"pkg:npm/lib" + i
                        + "@1.0." + (i % 100) + "\",\"description\":\"" + PADDING + "\"}")
                .text(middle)
                .records(vulnerabilities, vulnerabilityLength, ",", i -> "{\"id\":\"CVE-2026-" + i
                        + "\",\"ratings\":[{\"severity\":\"" + (i % 2 == 0 ? "high" : "low") + "\"}],\"affects\":[{\"ref\":\"c"
                        + (i % components) + "\"}]}")
                .text(footer).build("huge.cdx.json");
    }

    private static GeneratedReport checkstyle(final long target) {
        String header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"10.20.1\">\n";
        String footer = "\n</checkstyle>\n";
        int length = 512;
        long count = (target - header.length() - footer.length() + 1) / (length + 1);
        return new GeneratedReport.Builder().text(header).records(count, length, "\n", i -> "<file name=\"src/module"
                + (i % 1000) + "/File" + i + ".java\"><error line=\"" + (i % 5000 + 1) + "\" column=\"3\" severity=\""
                + (i % 3 == 0 ? "error" : i % 3 == 1 ? "warning" : "info") + "\" message=\"Message " + i + ": " + PADDING
                + "\" source=\"com.puppycrawl.tools.checkstyle.checks.coding.Check" + (i % 50) + "\"/></file>")
                .text(footer).build("huge-checkstyle.xml");
    }
}
