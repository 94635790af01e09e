package io.jenkins.plugins.dsomm.plugin;

import org.kohsuke.stapler.StaplerResponse2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Serves badge SVGs the way embeddable-build-status does: ETag, no caching by proxies, SVG content type. */
final class Badges {
    private Badges() {
    }

    static void send(final StaplerResponse2 rsp, final String svg) throws IOException {
        byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
        rsp.setContentType("image/svg+xml;charset=utf-8");
        rsp.setHeader("Cache-Control", "no-cache, private");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        rsp.setHeader("ETag", "\"" + etag(bytes) + "\"");
        rsp.getOutputStream().write(bytes);
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
