// SPDX-License-Identifier: MIT
package com.example.sampleapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes passwords.
 *
 * <p>DELIBERATELY INSECURE (example for DSOMM Gate): MD5 without salt is not a password hash.
 */
public final class PasswordHasher {
    private PasswordHasher() {
    }

    /** Returns the hex MD5 digest of the password. */
    public static String hash(final String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(password.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares a password with a stored hash (not in constant time). */
    public static boolean matches(final String password, final String storedHash) {
        return hash(password).equals(storedHash);
    }
}
