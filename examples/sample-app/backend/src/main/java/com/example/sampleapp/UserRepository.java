// SPDX-License-Identifier: MIT
package com.example.sampleapp;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks users up in a relational database.
 *
 * <p>DELIBERATELY INSECURE (example for DSOMM Gate): both queries are built by string concatenation, which is an
 * SQL injection. The two methods are also copy-pasted from each other so that the copy-paste detector has
 * something to report.
 */
public class UserRepository {
    private final Connection connection;

    public UserRepository(final Connection connection) {
        this.connection = connection;
    }

    /** Finds the names of users with the given login (SQL injection: user input concatenated into SQL). */
    public List<String> findByLogin(final String login) throws SQLException {
        List<String> names = new ArrayList<>();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM users WHERE login = '" + login + "'");
        while (rows.next()) {
            String name = rows.getString("name");
            if (name != null && !name.isBlank()) {
                names.add(name.trim());
            }
        }
        rows.close();
        statement.close();
        return names;
    }

    /** Finds the names of users with the given e-mail address (same injection, copy-pasted). */
    public List<String> findByEmail(final String email) throws SQLException {
        List<String> names = new ArrayList<>();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM users WHERE email = '" + email + "'");
        while (rows.next()) {
            String name = rows.getString("name");
            if (name != null && !name.isBlank()) {
                names.add(name.trim());
            }
        }
        rows.close();
        statement.close();
        return names;
    }
}
