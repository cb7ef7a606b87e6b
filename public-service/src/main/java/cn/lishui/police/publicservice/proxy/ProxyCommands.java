package cn.lishui.police.publicservice.proxy;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the proxy endpoints. */
final class ProxyCommands {

    private ProxyCommands() {
    }

    /** Authorise {@code stationId} to apply for {@code itemCodes} (global items) until {@code validUntil}. */
    record Authorise(@NotBlank @Size(max = 80) String stationId,
                     @NotEmpty @Size(max = 45) List<@NotBlank @Size(max = 40) String> itemCodes,
                     @NotNull @Future Instant validUntil) {
    }
}
