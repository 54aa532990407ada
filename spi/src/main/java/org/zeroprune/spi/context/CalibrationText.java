package org.zeroprune.spi.context;

import java.util.List;

/** Calibration sentences given by the user, already tokenised for the model. */
public interface CalibrationText {

    /** The sentences. */
    List<String> sentences();

    /**
     * Token ids of every sentence, with the model's special tokens ({@code [CLS] ... [SEP]}) and
     * truncated to the model's maximum length; no padding.
     */
    int[][] tokenIds();
}
