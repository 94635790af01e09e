package io.jenkins.plugins.dsomm.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/** Lenient parsing of the timestamps reports state; times without zone are taken as UTC. */
public final class Times {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_SPACE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(LOCAL)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("[XXX][XX][X]")
            .toFormatter(Locale.ROOT);
    private static final List<DateTimeFormatter> TEXT = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("EEE, d MMM yyyy HH:mm:ss").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("EEE MMM d HH:mm:ss yyyy").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("EEE MMM d HH:mm:ss z yyyy").toFormatter(Locale.ENGLISH));

    private Times() {
    }

    /** Parses ISO-8601 (with or without zone), RFC 1123 and a few tool-specific forms; null when none fits. */
    public static Instant parse(final String text) {
        if (text == null || text.isBlank() || text.length() > 100) {
            return null;
        }
        String s = text.trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        }
        catch (DateTimeParseException e) {
            // next
        }
        try {
            return ZonedDateTime.parse(s).toInstant();
        }
        catch (DateTimeParseException e) {
            // next
        }
        try {
            return OffsetDateTime.parse(s, OFFSET_SPACE).toInstant();
        }
        catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC);
        }
        catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        catch (DateTimeParseException e) {
            // next
        }
        for (DateTimeFormatter f : TEXT) {
            try {
                var parsed = f.parse(s);
                if (parsed.isSupported(ChronoField.OFFSET_SECONDS) || parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
                    return ZonedDateTime.from(parsed).toInstant();
                }
                return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
            }
            catch (java.time.DateTimeException e) {
                // next
            }
        }
        return null;
    }

    /** Seconds or milliseconds since the epoch (values above 10^11 are taken as milliseconds). */
    public static Instant fromEpoch(final double value) {
        if (Double.isNaN(value) || value <= 0 || value > 1e15) {
            return null;
        }
        return value > 1e11 ? Instant.ofEpochMilli((long) value) : Instant.ofEpochSecond((long) value);
    }
}
