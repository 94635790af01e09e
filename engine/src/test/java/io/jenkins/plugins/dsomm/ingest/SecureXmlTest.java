package io.jenkins.plugins.dsomm.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Isolated("replaces System.err")
class SecureXmlTest {
    private static String rootText(final byte[] xml) throws XMLStreamException {
        XMLStreamReader r = SecureXml.createReader(new ByteArrayInputStream(xml), "t.xml");
        while (r.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog
        }
        return SecureXml.readText(r, 100);
    }

    @Test
    void invalidBytesAreAnErrorThatNamesTheProblemAndNothingIsPrinted() {
        PrintStream old = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            byte[] bad = {'<', 'a', '>', (byte) 0xff, (byte) 0xc3, 0x28, '<', '/', 'a', '>'};
            assertThatThrownBy(() -> rootText(bad))
                    .isInstanceOf(XMLStreamException.class)
                    .satisfies(e -> assertThat(SecureXml.toParseException((Exception) e, "t.xml", "x").getMessage())
                            .contains("t.xml")
                            .contains("bytes that are not valid in the document's encoding"));
            byte[] prologGarbage = {0x00, (byte) 0xff, 0x13, 0x37, (byte) 0xc3, 0x28, '{', '<'};
            assertThatThrownBy(() -> rootText(prologGarbage)).isInstanceOf(XMLStreamException.class);
        }
        finally {
            System.setErr(old);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUncheckedFailureBeforeTheParserHasALocationIsAnXmlErrorNamingIt() {
        // before: the JDK's XMLStreamException(String, Location, Throwable) read the null location: a
        // NullPointerException instead of the error every caller handles (found by SpotBugs)
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("the volume went away");
            }
        };
        assertThatThrownBy(() -> SecureXml.createReader(failing, "gone.xml")).isInstanceOf(XMLStreamException.class)
                .hasMessageContaining("the XML parser failed: java.lang.IllegalStateException: the volume went away");
    }

    @Test
    void theDeclaredEncodingIsHonoured() throws XMLStreamException {
        byte[] latin1 = "<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(rootText(latin1)).isEqualTo("caf\u00e9");
        byte[] utf8Bom = ("\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>caf\u00e9</a>").getBytes(StandardCharsets.UTF_8);
        assertThat(rootText(utf8Bom)).isEqualTo("caf\u00e9");
        byte[] utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>caf\u00e9</a>".getBytes(StandardCharsets.UTF_16);
        assertThat(rootText(utf16)).isEqualTo("caf\u00e9");
        byte[] noDeclaration = "<a>caf\u00e9</a>".getBytes(StandardCharsets.UTF_8);
        assertThat(rootText(noDeclaration)).isEqualTo("caf\u00e9");
    }

    @Test
    void aDoctypeTheJdkParserCannotDescribeIsAnXmlErrorNotAnUncheckedException() {
        // the JDK's DTD scanner throws MissingResourceException (key InvalidCharInDTD) for a control character in
        // a skipped internal subset; found by ReportParsersFuzzTest
        byte[] xml = "<!DOCTYPE a [\u0001]><a>x</a>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> rootText(xml))
                .isInstanceOf(XMLStreamException.class)
                .satisfies(e -> assertThat(SecureXml.toParseException((Exception) e, "t.xml", "x").getMessage())
                        .isEqualTo("t.xml (x): invalid XML: malformed markup the XML parser cannot describe "
                                + "(InvalidCharInDTD) at line 1, column 14"));
    }
}
