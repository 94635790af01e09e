package io.jenkins.plugins.dsomm.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPatternsTest {
    @TempDir
    Path tmp;

    private Path file(final Path root, final String rel) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "{}");
    }

    @Test
    void antPatternsMatchLikeJenkinsReportPatterns() {
        ReportPatterns p = ReportPatterns.of("**/*.sarif, reports/*.json", "**/ignored/**");
        assertThat(p.matches("a.sarif")).isTrue();
        assertThat(p.matches("x/y/a.sarif")).isTrue();
        assertThat(p.matches("reports/zap.json")).isTrue();
        assertThat(p.matches("reports/sub/zap.json")).isFalse();
        assertThat(p.matches("x/ignored/a.sarif")).isFalse();
        assertThat(p.matches("a.sarif.txt")).isFalse();
        assertThat(ReportPatterns.of("target/reports/", null).matches("target/reports/x/y.xml")).isTrue();
        assertThat(ReportPatterns.of("scan-?.json", null).matches("scan-1.json")).isTrue();
    }

    @Test
    void patternsCannotLeaveTheWorkspace() {
        assertThatThrownBy(() -> ReportPatterns.of("../secrets/*.json", null))
                .hasMessage("report pattern '../secrets/*.json' climbs out of the workspace with '..'");
        assertThatThrownBy(() -> ReportPatterns.of("reports/../../etc/passwd", null))
                .hasMessage("report pattern 'reports/../../etc/passwd' climbs out of the workspace with '..'");
        assertThatThrownBy(() -> ReportPatterns.of("/etc/passwd", null))
                .hasMessage("report pattern '/etc/passwd' is absolute: patterns are relative to the workspace");
        assertThatThrownBy(() -> ReportPatterns.of("C:\\reports\\*.xml", null))
                .hasMessage("report pattern 'C:\\reports\\*.xml' is absolute: patterns are relative to the workspace");
        assertThatThrownBy(() -> ReportPatterns.of(" , ", null)).hasMessage("no report pattern given");
    }

    @Test
    void symbolicLinksLeavingTheWorkspaceAreNotFollowed() throws IOException {
        Path workspace = Files.createDirectories(tmp.resolve("ws"));
        Path outside = file(tmp, "outside/secret.json");
        Files.createDirectories(tmp.resolve("outside/dir"));
        file(tmp, "outside/dir/deep.json");
        file(workspace, "reports/a.json");
        file(workspace, "reports/b.json");
        Files.createSymbolicLink(workspace.resolve("reports/link-out.json"), outside);
        Files.createSymbolicLink(workspace.resolve("reports/link-in.json"), workspace.resolve("reports/a.json"));
        Files.createSymbolicLink(workspace.resolve("reports/dir-out"), tmp.resolve("outside/dir"));
        file(workspace, ".git/config.json");

        ReportPatterns.Selection s = ReportPatterns.of("**/*.json", null).find(workspace);
        assertThat(s.files()).containsExactly("reports/a.json", "reports/b.json", "reports/link-in.json");
        assertThat(s.skipped()).singleElement().asString()
                .startsWith("reports/link-out.json: symbolic link to ")
                .endsWith("outside the workspace: not read");
    }

    @Test
    void readingReportsEveryMatchAndEverySkip() throws IOException {
        Path workspace = Files.createDirectories(tmp.resolve("ws2"));
        file(workspace, "r/x.json");
        Files.createSymbolicLink(workspace.resolve("r/out.json"), file(tmp, "secret.json"));
        IngestResult result = ReportPatterns.of("r/*.json", null).read(workspace, null, new Ingestor());
        assertThat(result.files()).extracting(FileOutcome::file).containsExactly("r/x.json", "r/out.json");
        assertThat(result.unrecognised()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(e ->
                assertThat(e.error()).contains("outside the workspace: not read"));
    }
}
