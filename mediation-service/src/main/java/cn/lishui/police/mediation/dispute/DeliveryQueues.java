package cn.lishui.police.mediation.dispute;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryQueue;
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
        return new DisputeQueue(VILLAGE, "villageDelivery", mongo, pending) {
            @Override
            public Delivery.Outcome redeliver(String ownerId) {
                return disputes.reverifyVillage(ownerId);
            }
        };
    }

    @Bean
    DeliveryQueue policeLiaisonQueue(MongoTemplate mongo, Disputes disputes, PendingDeliveries pending) {
        return new DisputeQueue(LIAISON, "liaisonDelivery", mongo, pending) {
            @Override
            public Delivery.Outcome redeliver(String ownerId) {
                return disputes.refetchLiaison(ownerId);
            }
        };
    }

    /**
     * A queue over one Delivery field of the disputes. Once a query found none pending, it answers "none" without
     * asking the store until a write leaves a delivery pending ({@link PendingDeliveries}).
     */
    abstract static class DisputeQueue implements DeliveryQueue {

        private final String name;
        private final String field;
        private final MongoTemplate mongo;
        private final PendingDeliveries pending;
        /** The generation of {@link PendingDeliveries} at which a query found nothing pending; -1: not yet. */
        private volatile long noneSince = -1;

        DisputeQueue(String name, String field, MongoTemplate mongo, PendingDeliveries pending) {
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
            long generation = pending.generation();
            if (generation == noneSince) {
                return 0;
            }
            long backlog = mongo.count(Query.query(Criteria.where(field + ".status").is(Delivery.Status.PENDING)),
                    Dispute.class);
            noneFound(backlog == 0, generation);
            return backlog;
        }

        /** The pending ones first by their next attempt, then those of them due: none pending is worth knowing. */
        @Override
        public List<String> due(Instant now, int limit) {
            long generation = pending.generation();
            if (generation == noneSince) {
                return List.of();
            }
            Query first = Query.query(Criteria.where(field + ".status").is(Delivery.Status.PENDING))
                    .with(Sort.by(field + ".nextAttemptAt")).limit(limit);
            first.fields().include("_id", field + ".nextAttemptAt");
            List<Document> found = mongo.find(first, Document.class, "disputes");
            noneFound(found.isEmpty(), generation);
            return found.stream()
                    .filter(d -> d.get(field) instanceof Document delivery
                            && delivery.get("nextAttemptAt") instanceof Date next && !next.toInstant().isAfter(now))
                    .map(d -> d.getString("_id"))
                    .toList();
        }

        private void noneFound(boolean none, long generation) {
            if (none && generation > noneSince) {
                noneSince = generation;
            }
        }
    }
}
