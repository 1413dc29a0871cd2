package org.gridgov.web.security;

import java.util.OptionalLong;

import org.gridgov.accounts.LockedOutException;
import org.gridgov.accounts.LoginAttempts;
import org.gridgov.accounts.TotpFactors;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Username and password against app.user_account, guarded in this order: rate limits per client address and per user
 * name, the lockout of the name on this address (or its back-off on all), then the password (re-hashed with the
 * current encoder when stored in an older format). Every attempt is audited by {@link LoginAttempts}. For a user
 * with a second factor the right password does not reset the failure count: the right code does
 * ({@link TotpFactors#verifyLogin}).
 * <p>
 * A wrong password gets one answer whether the name exists, is disabled or does not exist: Spring checks the password
 * of an unknown name against a dummy hash (same time), and the account's status is checked only after the password
 * passed, so a disabled account's wrong password is counted and answered like any other.
 */
class GuardedAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginAttempts attempts;
    private final RateLimits rateLimits;
    private final TotpFactors factors;

    GuardedAuthenticationProvider(UserAccounts accounts, PasswordEncoder encoder, LoginAttempts attempts,
                                  RateLimits rateLimits, TotpFactors factors) {
        super(accounts);
        this.attempts = attempts;
        this.rateLimits = rateLimits;
        this.factors = factors;
        setPasswordEncoder(encoder);
        setUserDetailsPasswordService(accounts);
        // disabled (or otherwise unusable) is told only to the right password; before it, nothing is checked
        setPreAuthenticationChecks(user -> { });
        setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        LoginDetails details = authentication.getDetails() instanceof LoginDetails d ? d
                : new LoginDetails(null, "other");
        OptionalLong wait = rateLimits.tryTake(RateLimits.Kind.LOGIN_IP, details.clientIp());
        if (wait.isEmpty()) {
            wait = rateLimits.tryTake(RateLimits.Kind.LOGIN_USER, username);
        }
        if (wait.isPresent()) {
            attempts.rateLimited(username, details.clientIp(), details.channel(), false);
            throw new LoginRateLimitedException(wait.getAsLong());
        }
        Authentication result;
        try {
            attempts.checkNotLocked(username, details.clientIp(), details.channel());
            result = super.authenticate(authentication);
        }
        catch (LockedOutException ex) {
            throw new AccountLockedException(ex);
        }
        catch (BadCredentialsException ex) {
            try {
                attempts.failed(username, details.clientIp(), details.channel());
            }
            catch (LockedOutException locked) {
                throw new AccountLockedException(locked);
            }
            throw ex;
        }
        catch (AccountStatusException ex) {
            attempts.refused(username, details.clientIp(), details.channel(), ex.getClass().getSimpleName());
            throw ex;
        }
        if (result.getPrincipal() instanceof GridGovUser user && factors.enrolled(user.id())) {
            attempts.passwordPassed(username, details.clientIp(), details.channel());
        }
        else {
            attempts.succeeded(username, details.clientIp(), details.channel());
        }
        return result;
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                                                         UserDetails user) {
        // the session keeps the user without the password hash
        return super.createSuccessAuthentication(((GridGovUser) principal).withoutPassword(), authentication, user);
    }
}
