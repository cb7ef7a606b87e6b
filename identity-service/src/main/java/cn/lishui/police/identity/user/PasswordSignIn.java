package cn.lishui.police.identity.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a password, the one way every sign-in goes (the login form of the authorization-code flow and
 * the password grant of first-party clients), with the lockout: {@code max-failures} failures in a row
 * lock the account for {@code duration}; a locked account is refused without looking at the password;
 * a success resets the count. Counting is an atomic {@code $inc} on the account document, so parallel
 * guesses cannot slip past the limit.
 */
@Service
public class PasswordSignIn {

    private static final Logger log = LoggerFactory.getLogger(PasswordSignIn.class);

    private final Accounts accounts;
    private final MongoTemplate mongo;
    private final PasswordEncoder passwordEncoder;
    private final LockoutProperties lockout;
    private final Clock clock;
    /** Compared against for unknown names, so they take as long as wrong passwords. */
    private final String decoyHash;

    PasswordSignIn(Accounts accounts, MongoTemplate mongo, PasswordEncoder passwordEncoder, LockoutProperties lockout,
                   Clock clock) {
        this.accounts = accounts;
        this.mongo = mongo;
        this.passwordEncoder = passwordEncoder;
        this.lockout = lockout;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode("decoy-password-for-unknown-accounts");
    }

    /**
     * The account whose sign-in name (username, phone or e-mail) and password these are.
     *
     * @throws SignInRefusedException {@code BAD_CREDENTIALS} or {@code LOCKED}
     */
    public UserAccount signIn(String name, String password) {
        Optional<UserAccount> found = accounts.findBySignInName(name);
        String given = password == null ? "" : password;
        if (found.isEmpty()) {
            passwordEncoder.matches(given, decoyHash);
            throw new SignInRefusedException(SignInRefusedException.Reason.BAD_CREDENTIALS);
        }
        UserAccount account = found.get();
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            throw new SignInRefusedException(SignInRefusedException.Reason.LOCKED);
        }
        if (!passwordEncoder.matches(given, account.passwordHash())) {
            throw new SignInRefusedException(recordFailure(account.id(), now));
        }
        if (account.failedLogins() > 0 || account.lockedUntil() != null) {
            mongo.updateFirst(byId(account.id()),
                    new Update().set("failedLogins", 0).unset("lockedUntil").inc("version", 1), UserAccount.class);
        }
        return account;
    }

    private SignInRefusedException.Reason recordFailure(String id, Instant now) {
        UserAccount counted = mongo.findAndModify(byId(id), new Update().inc("failedLogins", 1).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), UserAccount.class);
        if (counted == null || counted.failedLogins() < lockout.maxFailures()) {
            return SignInRefusedException.Reason.BAD_CREDENTIALS;
        }
        mongo.updateFirst(byId(id).addCriteria(Criteria.where("failedLogins").gte(lockout.maxFailures())),
                new Update().set("lockedUntil", now.plus(lockout.duration())).set("failedLogins", 0).inc("version", 1),
                UserAccount.class);
        log.warn("Account {} locked for {} after {} failed sign-ins", id, lockout.duration(), lockout.maxFailures());
        return SignInRefusedException.Reason.LOCKED;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("id").is(id));
    }
}
