package cn.lishui.police.overseas.station;

import cn.lishui.police.platform.region.LishuiCounty;
import java.time.Instant;
import java.util.Objects;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An overseas liaison station (警侨驿站) in a city abroad, serving compatriots from one Lishui county.
 * Id, audit fields and version are the server's: the store sets id, timestamps and version, the
 * opening sets who opened it (the subject of the caller's token).
 */
@Document("stations")
class Station {

    @Id
    private String id;
    private String name;
    @Indexed
    private String country;
    private String city;
    /** Stored as the division code ("331121"), the form every service shares. */
    private String homeCountyCode;
    private String contactPhone;
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

    Station(String name, String country, String city, LishuiCounty homeCounty, String contactPhone,
            String openedBy) {
        this.name = name;
        this.country = country;
        this.city = city;
        this.homeCountyCode = homeCounty.code();
        this.contactPhone = contactPhone;
        this.createdBy = Objects.requireNonNull(openedBy, "openedBy");
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String country() {
        return country;
    }

    String city() {
        return city;
    }

    String homeCountyCode() {
        return homeCountyCode;
    }

    String contactPhone() {
        return contactPhone;
    }

    /** The subject of the administrator who opened it; kept for audit, not shown on the public list. */
    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
