package org.zeroprune.spi.context;

/** Receives progress of long work, for a progress bar. */
public interface ProgressListener {

    /** Discards everything. */
    ProgressListener NONE = (label, total) -> new ProgressTask() {
        @Override
        public void step(long n) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * {@return a started task, to close when it ends}
     *
     * @param label a few words a person reads
     * @param total number of steps, or {@code -1} if unknown
     */
    ProgressTask start(String label, long total);

    /** One task in progress; close it when done. */
    interface ProgressTask extends AutoCloseable {
        /**
         * {@code n} more steps are done.
         *
         * @param n steps done since the last call
         */
        void step(long n);

        /** One more step is done. */
        default void step() {
            step(1);
        }

        @Override
        void close();
    }
}
