package org.zeroprune.nas.spark;

/** A throwable's type and message on one line, for messages that quote Spark. */
final class OneLine {
    private OneLine() {
    }

    static String of(Throwable t) {
        String text = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        return String.join(" ", text.strip().lines().map(String::strip).toList());
    }
}
