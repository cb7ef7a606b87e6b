package cn.lishui.police.publicservice.enterprise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A visit (三服务) of the security liaison to an enterprise, with the issues the enterprise raised. */
@Document("liaison-visits")
class LiaisonVisit {

    @Id
    private String id;
    @Indexed
    private String enterpriseId;
    private String stationId;
    private String officerId;
    private Instant visitedAt;
    private String summary;
    private List<Issue> issues;
    @Version
    private Long version;

    LiaisonVisit() {
        // for the MongoDB mapping
    }

    LiaisonVisit(String enterpriseId, String stationId, String officerId, Instant visitedAt, String summary,
                 List<String> issues) {
        this.enterpriseId = enterpriseId;
        this.stationId = stationId;
        this.officerId = officerId;
        this.visitedAt = visitedAt;
        this.summary = summary;
        List<Issue> raised = new ArrayList<>();
        for (int i = 0; i < issues.size(); i++) {
            raised.add(new Issue(i + 1, issues.get(i), false, null, null, null));
        }
        this.issues = List.copyOf(raised);
    }

    /** Resolves issue {@code number} (1-based); resolving twice is a conflict. */
    void resolve(int number, String resolution, String officerId, Instant now) {
        if (number < 1 || number > issues().size()) {
            throw DomainException.notFound("ISSUE_NOT_FOUND", id, number);
        }
        Issue issue = issues.get(number - 1);
        if (issue.resolved()) {
            throw DomainException.conflict("ISSUE_ALREADY_RESOLVED", number, id);
        }
        List<Issue> all = new ArrayList<>(issues);
        all.set(number - 1, new Issue(number, issue.description(), true, resolution, officerId, now));
        this.issues = List.copyOf(all);
    }

    String id() { return id; }
    String enterpriseId() { return enterpriseId; }
    String stationId() { return stationId; }
    String officerId() { return officerId; }
    Instant visitedAt() { return visitedAt; }
    String summary() { return summary; }
    List<Issue> issues() { return issues == null ? List.of() : issues; }

    /** An issue raised by the enterprise and, once resolved, how. */
    record Issue(int number, String description, boolean resolved, String resolution, String resolvedBy,
                 Instant resolvedAt) {
    }
}
