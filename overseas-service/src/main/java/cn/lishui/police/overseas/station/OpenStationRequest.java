package cn.lishui.police.overseas.station;

import java.util.List;

import cn.lishui.police.platform.region.LishuiCounty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a client may say about a new station; id, createdBy, audit fields and version are the server's.
 * The time zone is an IANA id ({@code Europe/Rome}); without one the station keeps the country's only zone
 * or is refused when the country has several.
 */
record OpenStationRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @CountryCode String country,
        @NotBlank @Size(max = 100) String city,
        @NotNull LishuiCounty homeCountyCode,
        @Size(max = 60) String timeZone,
        @Size(max = 200) String hostOrganisation,
        @Size(max = 50) String contactName,
        @Size(max = 30) @Pattern(regexp = "\\+?[0-9][0-9 -]{4,28}", message = "{validation.phone}")
        String contactPhone,
        @Size(max = 10) List<@Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "{validation.language}") String> languages,
        @Size(max = 20) List<@NotNull StationService> services) {
}
