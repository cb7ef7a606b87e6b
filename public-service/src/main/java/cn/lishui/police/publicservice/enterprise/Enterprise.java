package cn.lishui.police.publicservice.enterprise;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An enterprise in a station's area, with the officer who serves it as its security liaison (安防CEO). */
@Document("enterprises")
class Enterprise {

    @Id
    private String id;
    @Indexed(unique = true)
    private String creditCode;
    private String name;
    @Indexed
    private String stationId;
    private String address;
    private String liaisonOfficerId;
    private String liaisonOfficerName;
    private Instant liaisonSince;
    @CreatedDate
    private Instant createdAt;
    @Version
    private Long version;

    Enterprise() {
        // for the MongoDB mapping
    }

    Enterprise(String creditCode, String name, String stationId, String address) {
        this.creditCode = creditCode;
        this.name = name;
        this.stationId = stationId;
        this.address = address;
    }

    void assignLiaison(String officerId, String officerName, Instant now) {
        this.liaisonOfficerId = officerId;
        this.liaisonOfficerName = officerName;
        this.liaisonSince = now;
    }

    String id() { return id; }
    String creditCode() { return creditCode; }
    String name() { return name; }
    String stationId() { return stationId; }
    String address() { return address; }
    String liaisonOfficerId() { return liaisonOfficerId; }
    String liaisonOfficerName() { return liaisonOfficerName; }
    Instant liaisonSince() { return liaisonSince; }
    Instant createdAt() { return createdAt; }
}
