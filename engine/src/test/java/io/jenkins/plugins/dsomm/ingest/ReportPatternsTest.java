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
        assertThat(result.files()).extracting(IngestedFile::file).containsExactly("r/x.json", "r/out.json");
        assertThat(result.unrecognised()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(e ->
                assertThat(e.error()).contains("outside the workspace: not read"));
    }

    @Test
    void windowsSeparatorsDoNotHelpToClimb() {
        assertThatThrownBy(() -> ReportPatterns.of("reports\\..\\..\\secret.json", null))
                .hasMessage("report pattern 'reports\\..\\..\\secret.json' climbs out of the workspace with '..'");
        assertThatThrownBy(() -> ReportPatterns.of("ok/*.json, ./../x.json", null))
                .hasMessage("report pattern './../x.json' climbs out of the workspace with '..'");
        assertThatThrownBy(() -> ReportPatterns.of("~/reports/*.json", null))
                .hasMessage("report pattern '~/reports/*.json' is absolute: patterns are relative to the workspace");
    }

    @Test
    void linkedFoldersAndChainsOfLinksLeavingTheWorkspaceAreNotFollowed() throws IOException {
        Path workspace = Files.createDirectories(tmp.resolve("ws3"));
        Path outside = file(tmp, "outside3/secret.json");
        file(tmp, "outside3/dir/deep.json");
        file(workspace, "a.json");
        Files.createSymbolicLink(workspace.resolve("dir-out"), tmp.resolve("outside3/dir"));
        file(workspace, "real/b.json");
        Files.createSymbolicLink(workspace.resolve("dir-in"), workspace.resolve("real"));
        Files.createSymbolicLink(workspace.resolve("hop2"), outside);
        Files.createSymbolicLink(workspace.resolve("hop1.json"), workspace.resolve("hop2"));
        Files.createSymbolicLink(workspace.resolve("dangling.json"), tmp.resolve("nowhere.json"));

        ReportPatterns.Selection s = ReportPatterns.of("**", null).find(workspace);
        assertThat(s.files()).containsExactly("a.json", "real/b.json");
        assertThat(s.skipped()).containsExactlyInAnyOrder(
                "dangling.json: dangling symbolic link: not read",
                "dir-in: symbolic link to a folder: not followed",
                "dir-out: symbolic link to " + tmp.resolve("outside3/dir").toRealPath() + ", outside the workspace: not read",
                "hop1.json: symbolic link to " + outside.toRealPath() + ", outside the workspace: not read",
                "hop2: symbolic link to " + outside.toRealPath() + ", outside the workspace: not read");
    }

    @Test
    void aFileReplacedByALinkLeavingTheWorkspaceAfterTheSearchIsNotRead() throws IOException {
        Path workspace = Files.createDirectories(tmp.resolve("ws4"));
        Path report = file(workspace, "r/x.json");
        Path secret = Files.writeString(tmp.resolve("secret4.json"), "{\"version\":\"2.1.0\",\"runs\":[]}");
        ReportPatterns patterns = ReportPatterns.of("r/*.json", null);
        ReportPatterns.Selection found = patterns.find(workspace);
        assertThat(found.files()).containsExactly("r/x.json");
        Files.delete(report);
        Files.createSymbolicLink(report, secret);
        IngestResult result = patterns.read(workspace, found, null, new Ingestor());
        assertThat(result.files()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(IngestedFile.Status.ERROR);
            assertThat(f.error()).isEqualTo("r/x.json: symbolic link to " + secret.toRealPath()
                    + ", outside the workspace: not read");
        });
    }

    @Test
    void readingAFolderDoesNotFollowLinksAndSkipsGit() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("reports5"));
        Files.writeString(folder.resolve("a.sarif"), "{\"version\":\"2.1.0\",\"runs\":[]}");
        Path secret = Files.writeString(tmp.resolve("secret5.sarif"), "{\"version\":\"2.1.0\",\"runs\":[]}");
        file(tmp, "outside5/deep.sarif");
        Files.createSymbolicLink(folder.resolve("link.sarif"), secret);
        Files.createSymbolicLink(folder.resolve("linked-dir"), tmp.resolve("outside5"));
        file(folder, ".git/objects.json");
        IngestResult result = new Ingestor().read(java.util.List.of(folder), null, null);
        assertThat(result.files()).extracting(IngestedFile::file).containsExactly("a.sarif");
    }
}
