package cn.lishui.police.publicservice.catalogue;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A service item (政务服务事项) of the police "at most one visit" catalogue, identified by its code. */
@Document("service_items")
class ServiceItem {

    @Id
    private String id;
    @Indexed(unique = true)
    private String code;
    private CatalogueEntry entry;
    // copies of the entry's searchable fields at the top level, so that queries stay simple
    private String name;
    private String nameEn;
    private Department department;
    private List<Channel> channels;
    private boolean online;
    private boolean mobile;
    private boolean instant;
    private boolean zeroVisit;
    private boolean global;
    @CreatedDate
    private Instant createdAt;
    @LastModifiedDate
    private Instant updatedAt;
    @Version
    private Long version;

    ServiceItem() {
        // for the MongoDB mapping
    }

    ServiceItem(CatalogueEntry entry) {
        this.code = entry.code();
        apply(entry);
    }

    /** Brings the item in line with the catalogue; false when it already was (nothing to save). */
    boolean revise(CatalogueEntry entry) {
        if (entry.equals(this.entry)) {
            return false;
        }
        apply(entry);
        return true;
    }

    CatalogueEntry toEntry() {
        return entry;
    }

    private void apply(CatalogueEntry entry) {
        this.entry = entry;
        this.name = entry.name();
        this.nameEn = entry.nameEn();
        this.department = entry.department();
        this.channels = entry.channels();
        this.online = entry.online();
        this.mobile = entry.mobile();
        this.instant = entry.instant();
        this.zeroVisit = entry.zeroVisit();
        this.global = entry.global();
    }

    String code() {
        return code;
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
