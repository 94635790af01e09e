package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import jakarta.servlet.http.HttpServletResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Serves badge SVGs the way embeddable-build-status does: ETag (a request naming the current one in
 * {@code If-None-Match} gets 304 Not Modified, no body), no caching by proxies, SVG content type.
 */
final class Badges {
    private Badges() {
    }

    static void send(final StaplerRequest2 req, final StaplerResponse2 rsp, final String svg) throws IOException {
        byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + etag(bytes) + "\"";
        rsp.setHeader("Cache-Control", "no-cache, private");
        rsp.setHeader("ETag", etag);
        if (matches(req.getHeader("If-None-Match"), etag)) {
            rsp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        rsp.setContentType("image/svg+xml;charset=utf-8");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        rsp.getOutputStream().write(bytes);
    }

    /** Whether an {@code If-None-Match} header names the tag (a list of tags, {@code *}, weak tags included). */
    static boolean matches(@CheckForNull final String ifNoneMatch, final String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etag(final byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(java.util.Arrays.hashCode(bytes));
        }
    }
}
