package cn.lishui.police.mediation.organisation;

import java.time.Instant;
import java.util.Objects;

import cn.lishui.police.platform.region.LishuiCounty;
import cn.lishui.police.platform.error.DomainException;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mediation organisation (调解组织). Its id, audit fields and version belong to the server: the
 * store sets id, timestamps and version, the registration sets who registered it (the subject of the
 * caller's token); none of them comes from a request body.
 */
@Document("organisations")
class Organisation {

    @Id
    private String id;
    private String name;
    private OrganisationKind kind;
    @Indexed
    private String countyCode;
    private String villageCode;
    private String phone;
    private String createdBy;
    @CreatedDate
    private Instant createdAt;
    @LastModifiedDate
    private Instant updatedAt;
    @Version
    private Long version;

    @PersistenceCreator
    Organisation(String id, String name, OrganisationKind kind, String countyCode, String villageCode, String phone,
                 String createdBy, Instant createdAt, Instant updatedAt, Long version) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.countyCode = countyCode;
        this.villageCode = villageCode;
        this.phone = phone;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /**
     * Registers a new organisation in a county of Lishui and, optionally, a village of that county
     * (a 12-digit village code starts with its county's 6-digit code).
     *
     * @param registeredBy the subject of the caller who registers it
     */
    static Organisation register(String name, OrganisationKind kind, String countyCode, String villageCode,
                                 String phone, String registeredBy) {
        if (!LishuiCounty.isCountyCode(countyCode)) {
            throw DomainException.unprocessable("UNKNOWN_COUNTY", countyCode);
        }
        if (villageCode != null && !villageCode.startsWith(countyCode)) {
            throw DomainException.unprocessable("VILLAGE_OUTSIDE_COUNTY", villageCode, countyCode);
        }
        return new Organisation(null, name.strip(), kind, countyCode, villageCode, phone,
                Objects.requireNonNull(registeredBy, "registeredBy"), null, null, null);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    OrganisationKind kind() {
        return kind;
    }

    String countyCode() {
        return countyCode;
    }

    String villageCode() {
        return villageCode;
    }

    String phone() {
        return phone;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Long version() {
        return version;
    }
}
