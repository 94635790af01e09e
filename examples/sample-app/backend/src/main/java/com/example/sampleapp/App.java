// SPDX-License-Identifier: MIT
package com.example.sampleapp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.apache.commons.text.StringSubstitutor;

/**
 * Entry point of the sample back end.
 *
 * <p>DELIBERATELY INSECURE (example for DSOMM Gate): the database password is hard-coded (a made-up value, not a
 * real credential), and a greeting template taken from the command line is interpolated by commons-text.
 */
public final class App {
    private static final String DB_URL = "jdbc:postgresql://localhost:5432/sample";
    private static final String DB_USER = "sample";
    private static final String DB_PASSWORD = "Sup3rS3cret!";

    private App() {
    }

    public static void main(final String[] args) throws SQLException {
        String login = args.length > 0 ? args[0] : "alice";
        String template = args.length > 1 ? args[1] : "Hello ${name}";
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD)) {
            UserRepository users = new UserRepository(connection);
            for (String name : users.findByLogin(login)) {
                System.out.println(StringSubstitutor.createInterpolator()
                        .replace(new StringSubstitutor(Map.of("name", name)).replace(template)));
            }
        }
        System.out.println("token " + PasswordHasher.hash(login));
    }
}
