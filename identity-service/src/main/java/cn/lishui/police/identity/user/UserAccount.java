package cn.lishui.police.identity.user;

import java.time.Instant;
import java.util.Set;

import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in: a citizen or compatriot who signed up, or staff provisioned by an
 * administrator. Phone and e-mail are personal data: sealed at rest, found by their blind index, shown
 * masked. The area (county, station, mediation organisation) travels in the token as claims.
 *
 * @param id           stable id, the {@code sub} of the user's tokens
 * @param username     unique sign-in name; generated for people who sign up with a phone or e-mail
 * @param passwordHash {@code {bcrypt}...} from the delegating password encoder
 * @param failedLogins failed sign-ins in a row since the last success or lock
 * @param lockedUntil  sign-in refused until then (lockout after repeated failures)
 */
@Document("users")
@CompoundIndex(name = "phone_blind_index", def = "{'phone.blindIndex': 1}", unique = true, sparse = true)
@CompoundIndex(name = "email_blind_index", def = "{'email.blindIndex': 1}", unique = true, sparse = true)
public record UserAccount(@Id String id,
                          @Indexed(unique = true) String username,
                          String displayName,
                          ProtectedValue phone,
                          ProtectedValue email,
                          String passwordHash,
                          Set<String> roles,
                          String countyCode,
                          String stationId,
                          String organisationId,
                          String countryOfResidence,
                          int failedLogins,
                          Instant lockedUntil,
                          Instant createdAt,
                          @Version Long version) {

    public UserAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
