package org.zeroprune.spi.context;

/**
 * Ids of the tokenizer's special tokens, {@code -1} where the tokenizer has none.
 *
 * @param cls the classification token that starts a sequence ({@code [CLS]})
 * @param sep the separator that ends it ({@code [SEP]})
 * @param pad the padding token
 * @param unk the unknown-word token
 * @param mask the masked-language-model token ({@code [MASK]})
 */
public record SpecialTokens(int cls, int sep, int pad, int unk, int mask) {

    /**
     * {@return whether {@code id} is one of the special tokens}
     *
     * @param id a token id
     */
    public boolean isSpecial(int id) {
        return id == cls || id == sep || id == pad || id == unk || id == mask;
    }
}
