package cn.lishui.police.overseas.portal;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The compatriot's authority (代办委托书) for the station to apply for them: the signed document's reference,
 * when it was given, until when, and for what.
 */
record ProxyAuthority(@NotBlank @Size(max = 100) String reference, @NotNull Instant grantedAt,
                      @NotNull Instant validUntil, @Size(max = 500) String scope) {
}
