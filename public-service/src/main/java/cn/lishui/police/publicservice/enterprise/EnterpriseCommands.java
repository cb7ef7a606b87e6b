package cn.lishui.police.publicservice.enterprise;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** The bodies of the enterprise endpoints. */
final class EnterpriseCommands {

    private EnterpriseCommands() {
    }

    /** An enterprise with its 18-character unified social credit code (统一社会信用代码). */
    record Register(@NotBlank @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
                    String creditCode,
                    @NotBlank @Size(max = 100) String name,
                    @Size(max = 80) String stationId,
                    @Size(max = 200) String address) {
    }

    /** Make {@code officerId} the enterprise's security liaison (安防CEO). */
    record AssignLiaison(@NotBlank @Size(max = 100) String officerId, @Size(max = 50) String officerName) {
    }

    /** A liaison visit; {@code visitedAt} defaults to now. */
    record RecordVisit(@PastOrPresent Instant visitedAt, @NotBlank @Size(max = 1000) String summary,
                       @Size(max = 20) List<@NotBlank @Size(max = 500) String> issues) {
    }

    /** How an issue was resolved. */
    record Resolve(@NotBlank @Size(max = 1000) String resolution) {
    }
}
