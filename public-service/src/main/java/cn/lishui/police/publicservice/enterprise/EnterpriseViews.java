package cn.lishui.police.publicservice.enterprise;

import java.time.Instant;
import java.util.List;

/** Enterprises and liaison visits as the API shows them. */
final class EnterpriseViews {

    private EnterpriseViews() {
    }

    record EnterpriseView(String id, String creditCode, String name, String stationId, String address,
                          String liaisonOfficerId, String liaisonOfficerName, Instant liaisonSince,
                          Instant createdAt) {

        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.id(), e.creditCode(), e.name(), e.stationId(), e.address(),
                    e.liaisonOfficerId(), e.liaisonOfficerName(), e.liaisonSince(), e.createdAt());
        }
    }

    record VisitView(String id, String enterpriseId, String stationId, String officerId, Instant visitedAt,
                     String summary, List<LiaisonVisit.Issue> issues, long openIssues) {

        static VisitView of(LiaisonVisit v) {
            return new VisitView(v.id(), v.enterpriseId(), v.stationId(), v.officerId(), v.visitedAt(), v.summary(),
                    v.issues(), v.issues().stream().filter(issue -> !issue.resolved()).count());
        }
    }
}
