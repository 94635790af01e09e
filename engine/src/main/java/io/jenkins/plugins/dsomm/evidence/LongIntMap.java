package io.jenkins.plugins.dsomm.evidence;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to int values, without boxing: KPIs over millions of findings, the
 * occurrences of a finding in a report.
 */
public final class LongIntMap {
    private static final int FREE = -1;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    public LongIntMap(final int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, FREE);
        mask = capacity - 1;
    }

    private static int hash(final long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }

    /** The value, or -1 when absent. Values must be ≥ 0. */
    public int get(final long key) {
        int i = hash(key) & mask;
        while (values[i] != FREE) {
            if (keys[i] == key) {
                return values[i];
            }
            i = i + 1 & mask;
        }
        return FREE;
    }

    public void put(final long key, final int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must be 0 or more");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = hash(key) & mask;
        while (values[i] != FREE) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = i + 1 & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** Adds one to the key's value (0 when absent) and returns the new value. */
    public int increment(final long key) {
        int value = Math.max(get(key), 0) + 1;
        put(key, value);
        return value;
    }

    /** Removes the key (backward-shift deletion keeps probing correct). */
    public void remove(final long key) {
        int i = hash(key) & mask;
        while (values[i] != FREE) {
            if (keys[i] == key) {
                values[i] = FREE;
                size--;
                int j = i;
                while (true) {
                    j = j + 1 & mask;
                    if (values[j] == FREE) {
                        return;
                    }
                    int home = hash(keys[j]) & mask;
                    boolean between = i <= j ? home > i && home <= j : home > i || home <= j;
                    if (!between) {
                        keys[i] = keys[j];
                        values[i] = values[j];
                        values[j] = FREE;
                        i = j;
                    }
                }
            }
            i = i + 1 & mask;
        }
    }

    public int size() {
        return size;
    }

    /** Calls {@code visitor} for every entry (do not modify the map meanwhile). */
    public void forEach(final Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != FREE) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    @FunctionalInterface
    public interface Visitor {
        void visit(long key, int value);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, FREE);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
