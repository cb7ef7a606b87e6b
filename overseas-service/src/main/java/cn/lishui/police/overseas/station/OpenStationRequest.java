package cn.lishui.police.overseas.station;

import cn.lishui.police.platform.region.LishuiCounty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client may say about a new station; id, createdBy, audit fields and version are the server's. */
record OpenStationRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @CountryCode String country,
        @NotBlank @Size(max = 100) String city,
        @NotNull LishuiCounty homeCountyCode,
        @Size(max = 30) @Pattern(regexp = "\\+?[0-9][0-9 -]{4,28}", message = "{validation.phone}")
        String contactPhone) {
}
