package cn.lishui.police.mediation.organisation;

import java.time.Instant;

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
 * A mediation organisation (调解组织). Its id, audit timestamps and version belong to the server:
 * they are set by the store, never from a request.
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
    @CreatedDate
    private Instant createdAt;
    @LastModifiedDate
    private Instant updatedAt;
    @Version
    private Long version;

    @PersistenceCreator
    Organisation(String id, String name, OrganisationKind kind, String countyCode, String villageCode, String phone,
                 Instant createdAt, Instant updatedAt, Long version) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.countyCode = countyCode;
        this.villageCode = villageCode;
        this.phone = phone;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /**
     * Registers a new organisation in a county of Lishui and, optionally, a village of that county
     * (a 12-digit village code starts with its county's 6-digit code).
     */
    static Organisation register(String name, OrganisationKind kind, String countyCode, String villageCode,
                                 String phone) {
        if (!LishuiCounty.isCountyCode(countyCode)) {
            throw DomainException.unprocessable("UNKNOWN_COUNTY", countyCode);
        }
        if (villageCode != null && !villageCode.startsWith(countyCode)) {
            throw DomainException.unprocessable("VILLAGE_OUTSIDE_COUNTY", villageCode, countyCode);
        }
        return new Organisation(null, name.strip(), kind, countyCode, villageCode, phone, null, null, null);
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
