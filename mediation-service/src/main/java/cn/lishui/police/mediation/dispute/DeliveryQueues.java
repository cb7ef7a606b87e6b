package cn.lishui.police.mediation.dispute;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryQueue;
import cn.lishui.police.platform.delivery.PendingWatch;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The two hand-offs to grid-service a dispute keeps in its own document until grid-service answers: the village
 * check of an UNVERIFIED dispute ({@code village-verification}) and the police liaison ({@code police-liaison}).
 * The platform's scheduler redelivers them; each queue's due query runs on its index (status, nextAttemptAt),
 * and not at all while no delivery can be pending ({@link PendingDeliveries}).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryQueues {

    static final String VILLAGE = "village-verification";
    static final String LIAISON = "police-liaison";

    @Bean
    DeliveryQueue villageVerificationQueue(MongoTemplate mongo, Disputes disputes, PendingDeliveries pending) {
        return new DisputeQueue(VILLAGE, "villageDelivery", mongo, pending.village()) {
            @Override
            public Delivery.Outcome redeliver(String ownerId) {
                return disputes.reverifyVillage(ownerId);
            }
        };
    }

    @Bean
    DeliveryQueue policeLiaisonQueue(MongoTemplate mongo, Disputes disputes, PendingDeliveries pending) {
        return new DisputeQueue(LIAISON, "liaisonDelivery", mongo, pending.liaison()) {
            @Override
            public Delivery.Outcome redeliver(String ownerId) {
                return disputes.refetchLiaison(ownerId);
            }
        };
    }

    /**
     * A queue over one Delivery field of the disputes. Once a query found none pending, it answers "none" without
     * asking the store until a write leaves one of its deliveries pending ({@link PendingDeliveries}).
     */
    abstract static class DisputeQueue implements DeliveryQueue {

        private final String name;
        private final String field;
        private final MongoTemplate mongo;
        private final PendingWatch pending;

        DisputeQueue(String name, String field, MongoTemplate mongo, PendingWatch pending) {
            this.name = name;
            this.field = field;
            this.mongo = mongo;
            this.pending = pending;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long backlog() {
            return pending.unlessIdle(() -> mongo.count(Query.query(Criteria.where(field + ".status")
                    .is(Delivery.Status.PENDING)), Dispute.class), count -> count == 0, 0L);
        }

        /** The pending ones first by their next attempt, then those of them due: none pending is worth knowing. */
        @Override
        public List<String> due(Instant now, int limit) {
            List<Document> found = pending.unlessIdle(() -> {
                Query first = Query.query(Criteria.where(field + ".status").is(Delivery.Status.PENDING))
                        .with(Sort.by(field + ".nextAttemptAt")).limit(limit);
                first.fields().include("_id", field + ".nextAttemptAt");
                return mongo.find(first, Document.class, "disputes");
            }, List::isEmpty, List.of());
            return found.stream()
                    .filter(d -> d.get(field) instanceof Document delivery
                            && delivery.get("nextAttemptAt") instanceof Date next && !next.toInstant().isAfter(now))
                    .map(d -> d.getString("_id"))
                    .toList();
        }
    }
}
