package org.zeroprune.spi.context;

import java.util.List;

/** Calibration sentences given by the user, already tokenised for the model. */
public interface CalibrationText {

    /** {@return the sentences} */
    List<String> sentences();

    /**
     * Token ids of every sentence, with the model's special tokens ({@code [CLS] ... [SEP]}) and
     * truncated to the model's maximum length; no padding.
     *
     * @return one array of ids per sentence
     */
    int[][] tokenIds();
}
