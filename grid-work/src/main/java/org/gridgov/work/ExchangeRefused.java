package org.gridgov.work;

import org.gridgov.grid.DomainException;

/** An exchange that cannot be made now (out of stock, not enough points): nothing was changed. The web says 409. */
public class ExchangeRefused extends DomainException {

    public ExchangeRefused(String code, Object... args) {
        super(code, args);
    }
}
