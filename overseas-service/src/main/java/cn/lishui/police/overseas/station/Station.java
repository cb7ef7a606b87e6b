package cn.lishui.police.overseas.station;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import cn.lishui.police.platform.personaldata.ProtectedValue;
import cn.lishui.police.platform.region.LishuiCounty;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An overseas liaison station (警侨驿站) in a city abroad, hosted by an overseas Chinese association and serving
 * compatriots from one Lishui county. The contact's name and phone are personal data: sealed, shown masked.
 * Id, audit fields and version are the server's.
 */
@Document("stations")
@CompoundIndexes({
    @CompoundIndex(name = "country_city_name", def = "{'country': 1, 'city': 1, 'name': 1}"),
    @CompoundIndex(name = "active_country", def = "{'active': 1, 'country': 1}")
})
class Station {

    @Id
    private String id;
    private String name;
    @Indexed
    private String country;
    private String city;
    private String timeZone;
    /** Stored as the division code ("331121"), the form every service shares. */
    private String homeCountyCode;
    private String hostOrganisation;
    private ProtectedValue contactName;
    private ProtectedValue contactPhone;
    private List<String> languages;
    private List<StationService> services;
    @Indexed
    private boolean active;
    private String createdBy;
    @CreatedDate
    private Instant createdAt;
    @LastModifiedDate
    private Instant updatedAt;
    @Version
    private Long version;

    Station() {
        // for the MongoDB mapping
    }

    Station(String id, String name, String country, String city, String timeZone, LishuiCounty homeCounty,
            String hostOrganisation, ProtectedValue contactName, ProtectedValue contactPhone, List<String> languages,
            List<StationService> services, String openedBy) {
        this.id = id;
        this.name = name;
        this.country = country;
        this.city = city;
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.homeCountyCode = homeCounty.code();
        this.hostOrganisation = hostOrganisation;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.languages = languages == null ? List.of() : List.copyOf(languages);
        this.services = services == null ? List.of() : List.copyOf(services);
        this.active = true;
        this.createdBy = Objects.requireNonNull(openedBy, "openedBy");
    }

    void activate(boolean active) {
        this.active = active;
    }

    String id() { return id; }
    String name() { return name; }
    String country() { return country; }
    String city() { return city; }
    String timeZone() { return timeZone; }
    String homeCountyCode() { return homeCountyCode; }
    String hostOrganisation() { return hostOrganisation; }
    ProtectedValue contactName() { return contactName; }
    ProtectedValue contactPhone() { return contactPhone; }
    List<String> languages() { return languages == null ? List.of() : languages; }
    List<StationService> services() { return services == null ? List.of() : services; }
    boolean active() { return active; }

    /** The subject of the administrator who opened it; kept for audit, not shown on the public list. */
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
