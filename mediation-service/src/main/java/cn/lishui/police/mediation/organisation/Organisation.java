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
    private String townCode;
    private String villageCode;
    private String brandName;
    private String policeOfficeId;
    @Indexed(sparse = true)
    private String headId;
    private String phone;
    private String createdBy;
    @CreatedDate
    private Instant createdAt;
    @LastModifiedDate
    private Instant updatedAt;
    @Version
    private Long version;

    @PersistenceCreator
    Organisation(String id, String name, OrganisationKind kind, String countyCode, String townCode, String villageCode,
                 String brandName, String policeOfficeId, String headId, String phone,
                 String createdBy, Instant createdAt, Instant updatedAt, Long version) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.countyCode = countyCode;
        this.townCode = townCode;
        this.villageCode = villageCode;
        this.brandName = brandName;
        this.policeOfficeId = policeOfficeId;
        this.headId = headId;
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
        return register(null, name, kind, countyCode, null, villageCode, null, null, null, phone, registeredBy);
    }

    /**
     * Registers an organisation with its place in the map: the town (12-digit town code, {@code ...000},
     * derived from the village when not given), the brand it works under (e.g. 正道讲和), the police
     * office it sits in and the subject of its head, who reviews recusals and receives escalations.
     *
     * @param id a chosen id (demo data), or {@code null} for one the store assigns
     */
    static Organisation register(String id, String name, OrganisationKind kind, String countyCode, String townCode,
                                 String villageCode, String brandName, String policeOfficeId, String headId,
                                 String phone, String registeredBy) {
        if (!LishuiCounty.isCountyCode(countyCode)) {
            throw DomainException.unprocessable("UNKNOWN_COUNTY", countyCode);
        }
        if (villageCode != null && !villageCode.startsWith(countyCode)) {
            throw DomainException.unprocessable("VILLAGE_OUTSIDE_COUNTY", villageCode, countyCode);
        }
        if (townCode != null && !townCode.startsWith(countyCode)) {
            throw DomainException.unprocessable("VILLAGE_OUTSIDE_COUNTY", townCode, countyCode);
        }
        if (townCode != null && villageCode != null && !villageCode.startsWith(townCode.substring(0, 9))) {
            throw DomainException.unprocessable("VILLAGE_OUTSIDE_TOWN", villageCode, townCode);
        }
        String town = townCode != null ? townCode : villageCode == null ? null : villageCode.substring(0, 9) + "000";
        return new Organisation(id, name.strip(), kind, countyCode, town, villageCode, blankToNull(brandName),
                blankToNull(policeOfficeId), blankToNull(headId), phone,
                Objects.requireNonNull(registeredBy, "registeredBy"), null, null, null);
    }

    /** Names the head of the organisation (the subject of their account). */
    void appointHead(String subject) {
        this.headId = subject.strip();
    }

    boolean headedBy(String subject) {
        return headId != null && headId.equals(subject);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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

    String townCode() {
        return townCode;
    }

    String brandName() {
        return brandName;
    }

    String policeOfficeId() {
        return policeOfficeId;
    }

    String headId() {
        return headId;
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
