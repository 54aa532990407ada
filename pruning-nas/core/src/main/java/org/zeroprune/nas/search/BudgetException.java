package org.zeroprune.nas.search;

import org.zeroprune.nas.ZeroPruneException;

/** No candidate of the search space fits the budget. */
public class BudgetException extends ZeroPruneException {
    private static final long serialVersionUID = 1L;

    /** @param message states the budget and the smallest achievable cost */
    public BudgetException(String message) {
        super(message);
    }
}
