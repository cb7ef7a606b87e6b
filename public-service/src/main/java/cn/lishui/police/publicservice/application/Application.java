package cn.lishui.police.publicservice.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.publicservice.catalogue.Channel;
import cn.lishui.police.publicservice.catalogue.Department;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An application (办件) of one applicant for one service item through one channel. */
@Document("applications")
class Application {

    @Id
    private String id;
    private String itemCode;
    private String itemName;
    private Department department;
    private Channel channel;
    @Indexed
    private String applicantId;
    private Map<String, Object> form;
    private ApplicationStatus status;
    private String reason;
    private List<String> missingMaterials;
    private String stationId;
    private String clerkId;
    private boolean instant;
    private int promisedLimitDays;
    private Instant submittedAt;
    private Instant acceptedAt;
    private Instant dueAt;
    private Instant finishedAt;
    /** The applicant's visits to a window (跑动次数). */
    private List<Visit> visits;
    /** More visits than the item allows: a breach of "at most one visit" (最多跑一次). */
    private boolean visitBreach;
    /** Finished after its due time, or found overdue by the sweep; set once and never cleared. */
    private boolean slaBreached;
    private Instant slaBreachedAt;
    /** The overseas station that applied for the applicant under a proxy (代办), if any. */
    private String proxyStationId;
    private String proxyId;
    private String proxyActorId;
    @CreatedDate
    private Instant createdAt;
    @LastModifiedDate
    private Instant updatedAt;
    @Version
    private Long version;

    Application() {
        // for the MongoDB mapping
    }

    Application(String itemCode, String itemName, Department department, Channel channel, String applicantId,
                Map<String, Object> form, boolean instant, int promisedLimitDays, Instant submittedAt,
                Instant dueAt) {
        this.itemCode = itemCode;
        this.itemName = itemName;
        this.department = department;
        this.channel = channel;
        this.applicantId = applicantId;
        this.form = Map.copyOf(form);
        this.instant = instant;
        this.promisedLimitDays = promisedLimitDays;
        this.status = ApplicationStatus.SUBMITTED;
        this.missingMaterials = List.of();
        this.submittedAt = submittedAt;
        this.dueAt = dueAt;
    }

    /** Takes the clerk's action; the due time is counted afresh from acceptance (受理). */
    void act(ApplicationAction action, String clerkId, String stationId, String reason, List<String> missing,
             Instant now, Instant dueFromNow) {
        ApplicationStatus next = Workflow.next(status, action);
        this.clerkId = clerkId;
        switch (action) {
            case ACCEPT -> {
                this.stationId = stationId;
                this.acceptedAt = now;
                this.dueAt = dueFromNow;
                this.missingMaterials = List.of();
            }
            case REQUEST_MATERIALS -> this.missingMaterials = List.copyOf(missing);
            case REJECT, DENY -> this.reason = reason;
            default -> {
                // the status change is all
            }
        }
        this.status = next;
        if (next.finished()) {
            this.finishedAt = now;
            if (now.isAfter(dueAt)) {
                markSlaBreached(now);
            }
        }
    }

    /** A visit of the applicant to a window; true when this visit newly breaches "at most one visit". */
    boolean recordVisit(Visit visit, int maxVisits) {
        if (status.finished()) {
            throw DomainException.conflict("APPLICATION_FINISHED", id, status);
        }
        List<Visit> all = new ArrayList<>(visits());
        all.add(visit);
        this.visits = List.copyOf(all);
        if (!visitBreach && all.size() > maxVisits) {
            this.visitBreach = true;
            return true;
        }
        return false;
    }

    /** Marks the SLA breach once; true when it was not marked before. */
    boolean markSlaBreached(Instant now) {
        if (slaBreached) {
            return false;
        }
        this.slaBreached = true;
        this.slaBreachedAt = now;
        return true;
    }

    /** Records the overseas station that applied for the applicant under the given proxy. */
    void appliedByProxy(String proxyId, String stationId, String actorId) {
        this.proxyId = proxyId;
        this.proxyStationId = stationId;
        this.proxyActorId = actorId;
    }

    String id() { return id; }
    String itemCode() { return itemCode; }
    String itemName() { return itemName; }
    Department department() { return department; }
    Channel channel() { return channel; }
    String applicantId() { return applicantId; }
    Map<String, Object> form() { return form; }
    ApplicationStatus status() { return status; }
    String reason() { return reason; }
    List<String> missingMaterials() { return missingMaterials == null ? List.of() : missingMaterials; }
    String stationId() { return stationId; }
    String clerkId() { return clerkId; }
    boolean instant() { return instant; }
    int promisedLimitDays() { return promisedLimitDays; }
    Instant submittedAt() { return submittedAt; }
    Instant acceptedAt() { return acceptedAt; }
    Instant dueAt() { return dueAt; }
    Instant finishedAt() { return finishedAt; }
    List<Visit> visits() { return visits == null ? List.of() : visits; }
    boolean visitBreach() { return visitBreach; }
    boolean slaBreached() { return slaBreached; }
    Instant slaBreachedAt() { return slaBreachedAt; }
    String proxyId() { return proxyId; }
    String proxyStationId() { return proxyStationId; }
    String proxyActorId() { return proxyActorId; }

    /** One visit of the applicant to a service window, recorded by the clerk who served them. */
    record Visit(Instant at, String clerkId, String stationId, String note) {
    }
}
