package cn.lishui.police.identity.signup;

import cn.lishui.police.identity.user.PhoneNumbers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A resident or enterprise signing up with a mainland mobile number. */
record CitizenSignUp(@NotBlank @Pattern(regexp = PhoneNumbers.FORMAT, message = "{signup.phone.format}") String phone,
                     @NotBlank @Size(max = 128) String password,
                     @NotBlank @Size(max = 64) String displayName) {
}
