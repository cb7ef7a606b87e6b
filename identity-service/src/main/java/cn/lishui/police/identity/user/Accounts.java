package cn.lishui.police.identity.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creating and reading accounts. */
@Service
public class Accounts {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final UserAccountRepository repository;
    private final PersonalDataProtector protector;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Accounts(UserAccountRepository repository, PersonalDataProtector protector, PasswordEncoder passwordEncoder,
             Clock clock) {
        this.repository = repository;
        this.protector = protector;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Creates the account; 400 {@code WEAK_PASSWORD} for a password the policy refuses, 409 when the
     * username, phone or e-mail already belongs to an account.
     */
    public UserAccount register(NewAccount account) {
        String phone = account.phone() == null ? null : PhoneNumbers.canonical(account.phone());
        String email = account.email() == null ? null : account.email().strip();
        List<String> identifiers = new ArrayList<>();
        identifiers.add(account.username());
        identifiers.add(phone);
        if (email != null) {
            identifiers.add(email);
            identifiers.add(email.substring(0, Math.max(0, email.indexOf('@'))));
        }
        List<String> weaknesses = PasswordPolicy.violations(account.password(), identifiers);
        if (!weaknesses.isEmpty()) {
            throw DomainException.badRequest("WEAK_PASSWORD").withFieldErrors(weaknesses.stream()
                    .map(rule -> new DomainException.FieldError("password", rule, PasswordPolicy.MIN_LENGTH,
                            PasswordPolicy.MIN_CLASSES))
                    .toList());
        }
        if (account.username() != null && repository.existsByUsername(account.username())) {
            throw DomainException.conflict("USERNAME_TAKEN", account.username());
        }
        ProtectedValue sealedPhone = protector.protect(PersonalDataKind.PHONE, phone);
        if (sealedPhone != null && repository.findByPhoneBlindIndex(sealedPhone.blindIndex()).isPresent()) {
            throw DomainException.conflict("PHONE_ALREADY_REGISTERED");
        }
        ProtectedValue sealedEmail = protector.protect(PersonalDataKind.EMAIL, email);
        if (sealedEmail != null && repository.findByEmailBlindIndex(sealedEmail.blindIndex()).isPresent()) {
            throw DomainException.conflict("EMAIL_ALREADY_REGISTERED");
        }
        String username = account.username() != null ? account.username() : generatedUsername(account.usernamePrefix());
        UserAccount created = new UserAccount(UUID.randomUUID().toString(), username, account.displayName().strip(),
                sealedPhone, sealedEmail, passwordEncoder.encode(account.password()), account.roles(),
                account.countyCode(), account.stationId(), account.organisationId(), account.countryOfResidence(),
                0, null, clock.instant(), null);
        try {
            return repository.insert(created);
        } catch (DuplicateKeyException raced) {
            // another sign-up with the same username, phone or e-mail got in between the checks and the insert
            throw DomainException.conflict("ACCOUNT_ALREADY_EXISTS");
        }
    }

    public Optional<UserAccount> findById(String id) {
        return id == null ? Optional.empty() : repository.findById(id);
    }

    public Optional<UserAccount> findByUsername(String username) {
        return repository.findByUsername(username);
    }

    /** The account a sign-in name designates: an e-mail address, a phone number or a username. */
    Optional<UserAccount> findBySignInName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String given = name.strip();
        if (given.indexOf('@') > 0) {
            return repository.findByEmailBlindIndex(protector.blindIndex(PersonalDataKind.EMAIL, given));
        }
        if (PhoneNumbers.isValid(given)) {
            return repository.findByPhoneBlindIndex(
                    protector.blindIndex(PersonalDataKind.PHONE, PhoneNumbers.canonical(given)));
        }
        return repository.findByUsername(given);
    }

    private String generatedUsername(String prefix) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String base = prefix == null ? "user" : prefix.toLowerCase(Locale.ROOT);
            StringBuilder name = new StringBuilder(base).append('-');
            for (int i = 0; i < 10; i++) {
                name.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            if (!repository.existsByUsername(name.toString())) {
                return name.toString();
            }
        }
        throw new IllegalStateException("Could not generate a free username");
    }
}
