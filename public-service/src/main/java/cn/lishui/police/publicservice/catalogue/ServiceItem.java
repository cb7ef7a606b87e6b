package cn.lishui.police.publicservice.catalogue;

import java.time.Instant;

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
    private String name;
    private Department department;
    private boolean online;
    private boolean mobile;
    private boolean instant;
    private boolean zeroVisit;
    private boolean global;
    private int visitCount;
    private int statutoryTimeLimitDays;
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
        if (entry.equals(toEntry())) {
            return false;
        }
        apply(entry);
        return true;
    }

    CatalogueEntry toEntry() {
        return new CatalogueEntry(code, name, department, online, mobile, instant, zeroVisit, global,
                visitCount, statutoryTimeLimitDays);
    }

    private void apply(CatalogueEntry entry) {
        this.name = entry.name();
        this.department = entry.department();
        this.online = entry.online();
        this.mobile = entry.mobile();
        this.instant = entry.instant();
        this.zeroVisit = entry.zeroVisit();
        this.global = entry.global();
        this.visitCount = entry.visitCount();
        this.statutoryTimeLimitDays = entry.statutoryTimeLimitDays();
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
