package cn.lishui.police.mediation.mediator;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.mediation.dispute.DisputeCategory;
import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mediator (调解员) of an organisation: specialties, dialects spoken (乡音), the area served (region codes:
 * a county, town or village code each) and how many active cases they can carry. The caseload is not stored:
 * it is counted from the disputes on their desk. The phone is personal data, sealed and shown masked.
 */
@Document("mediators")
@CompoundIndexes({
        @CompoundIndex(name = "county_active", def = "{'countyCode': 1, 'active': 1}"),
        @CompoundIndex(name = "organisation_name", def = "{'organisationId': 1, 'name': 1}")
})
class Mediator {

    @Id
    private String id;
    @Indexed(unique = true, sparse = true)
    private String subject;
    private String name;
    private ProtectedValue phone;
    private String organisationId;
    private String countyCode;
    private String townCode;
    private List<DisputeCategory> specialties;
    private List<String> dialects;
    private List<String> areaCodes;
    private int capacity;
    private boolean active;
    private String createdBy;
    @CreatedDate
    private Instant createdAt;
    @Version
    private Long version;

    private Mediator() {
    }

    Mediator(String id, String subject, String name, ProtectedValue phone, String organisationId, String countyCode,
             String townCode, List<DisputeCategory> specialties, List<String> dialects, List<String> areaCodes,
             int capacity, String createdBy) {
        this.id = id;
        this.subject = subject;
        this.name = name;
        this.phone = phone;
        this.organisationId = organisationId;
        this.countyCode = countyCode;
        this.townCode = townCode;
        this.specialties = List.copyOf(specialties);
        this.dialects = dialects.stream().map(String::strip).distinct().toList();
        this.areaCodes = List.copyOf(areaCodes);
        this.capacity = capacity;
        this.active = true;
        this.createdBy = createdBy;
    }

    MediatorRef ref() {
        return new MediatorRef(id, subject, name, organisationId, countyCode, townCode, specialties, dialects,
                areaCodes, capacity, active);
    }

    void deactivate() {
        this.active = false;
    }

    String id() {
        return id;
    }

    String subject() {
        return subject;
    }

    String name() {
        return name;
    }

    ProtectedValue phone() {
        return phone;
    }

    String organisationId() {
        return organisationId;
    }

    String countyCode() {
        return countyCode;
    }

    String townCode() {
        return townCode;
    }

    List<DisputeCategory> specialties() {
        return specialties;
    }

    List<String> dialects() {
        return dialects;
    }

    List<String> areaCodes() {
        return areaCodes;
    }

    int capacity() {
        return capacity;
    }

    boolean active() {
        return active;
    }

    Instant createdAt() {
        return createdAt;
    }

    Long version() {
        return version;
    }
}
