package cn.lishui.police.identity.user;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.platform.personaldata.ProtectedValue;

/** An account as the API shows it: phone and e-mail masked, never the password hash or the lockout state. */
public record UserView(String id, String username, String displayName, List<String> roles, String phone,
                       String email, String countyCode, String stationId, String organisationId,
                       String countryOfResidence, Instant createdAt) {

    public static UserView of(UserAccount account) {
        return new UserView(account.id(), account.username(), account.displayName(),
                account.roles().stream().sorted().toList(), masked(account.phone()), masked(account.email()),
                account.countyCode(), account.stationId(), account.organisationId(), account.countryOfResidence(),
                account.createdAt());
    }

    private static String masked(ProtectedValue value) {
        return value == null ? null : value.masked();
    }
}
