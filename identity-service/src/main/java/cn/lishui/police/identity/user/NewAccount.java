package cn.lishui.police.identity.user;

import java.util.Set;

/**
 * An account to create. {@code username} may be null for people who sign up with a phone or an
 * e-mail address: one is generated from {@code usernamePrefix} so that no personal identifier becomes
 * a plaintext sign-in name (they still sign in with the phone or e-mail, found by its blind index).
 */
public record NewAccount(String username, String usernamePrefix, String password, String displayName,
                         String phone, String email, Set<String> roles, String countyCode, String stationId,
                         String organisationId, String countryOfResidence) {
}
