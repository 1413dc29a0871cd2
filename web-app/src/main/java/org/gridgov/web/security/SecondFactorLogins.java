package org.gridgov.web.security;

import java.util.OptionalLong;

import org.gridgov.accounts.LockedOutException;
import org.gridgov.accounts.LoginAttempts;
import org.gridgov.accounts.TotpFactors;
import org.springframework.stereotype.Component;

/**
 * The code step of a login (form or token endpoint), guarded like the password: rate limits per address and user
 * name first, then {@link TotpFactors#verifyLogin} (the lockout, then the code), with Spring Security's refusals.
 */
@Component
public class SecondFactorLogins {

    private final TotpFactors factors;
    private final LoginAttempts attempts;
    private final RateLimits rateLimits;

    SecondFactorLogins(TotpFactors factors, LoginAttempts attempts, RateLimits rateLimits) {
        this.factors = factors;
        this.attempts = attempts;
        this.rateLimits = rateLimits;
    }

    /**
     * @return whether the code was accepted
     * @throws LoginRateLimitedException too many attempts from this address or for this user name
     * @throws AccountLockedException the name is locked on this address or backed off, or this wrong code locked it
     */
    public boolean verify(GridGovUser user, String code, String clientIp, String channel) {
        OptionalLong wait = rateLimits.tryTake(RateLimits.Kind.LOGIN_IP, clientIp);
        if (wait.isEmpty()) {
            wait = rateLimits.tryTake(RateLimits.Kind.LOGIN_USER, user.username());
        }
        if (wait.isPresent()) {
            attempts.rateLimited(user.username(), clientIp, channel, true);
            throw new LoginRateLimitedException(wait.getAsLong());
        }
        try {
            return factors.verifyLogin(user, code, clientIp, channel);
        }
        catch (LockedOutException ex) {
            throw new AccountLockedException(ex);
        }
    }
}
