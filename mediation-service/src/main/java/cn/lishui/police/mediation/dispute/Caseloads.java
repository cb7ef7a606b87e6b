package cn.lishui.police.mediation.dispute;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A mediator's caseload, derived rather than stored: the disputes on their desk (assigned, in mediation, or agreed
 * and awaiting the follow-up visit), counted on the index mediator_status.
 */
@Service
public class Caseloads {

    private final MongoTemplate mongo;

    Caseloads(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long of(String mediatorId) {
        return mongo.count(Query.query(Criteria.where("mediatorId").is(mediatorId)
                .and("status").in(DisputeStatus.ON_A_MEDIATORS_DESK)), Dispute.class);
    }

    /** The caseloads of many mediators in one $match/$group; a mediator without cases is absent (0). */
    public Map<String, Long> of(Collection<String> mediatorIds) {
        if (mediatorIds.isEmpty()) {
            return Map.of();
        }
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("mediatorId").in(mediatorIds)
                        .and("status").in(DisputeStatus.ON_A_MEDIATORS_DESK.stream().map(Enum::name).toList())),
                Aggregation.group("mediatorId").count().as("n"));
        Map<String, Long> loads = new HashMap<>();
        List<Document> rows = mongo.aggregate(aggregation, Dispute.class, Document.class).getMappedResults();
        for (Document row : rows) {
            loads.put(row.getString("_id"), ((Number) row.get("n")).longValue());
        }
        return loads;
    }
}
