package cn.lishui.police.identity.signup;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An overseas compatriot signing up with an e-mail address.
 *
 * @param countryOfResidence ISO 3166-1 alpha-2, e.g. {@code IT}
 */
record CompatriotSignUp(@NotBlank @Email @Size(max = 254) String email,
                        @NotBlank @Size(max = 128) String password,
                        @NotBlank @Size(max = 64) String displayName,
                        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "{signup.country.format}")
                        String countryOfResidence) {
}
