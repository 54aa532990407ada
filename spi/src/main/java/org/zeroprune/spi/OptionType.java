package org.zeroprune.spi;

/** The type of a strategy option's value. */
public enum OptionType {
    /** Any text. */
    STRING,
    /** A 32-bit signed integer. */
    INT,
    /** A 64-bit signed integer. */
    LONG,
    /** A finite double-precision number. */
    DOUBLE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of a fixed list of words, see {@link OptionSpec#choices()}. */
    CHOICE
}
