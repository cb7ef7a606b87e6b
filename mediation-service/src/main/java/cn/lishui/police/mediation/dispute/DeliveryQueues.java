package cn.lishui.police.mediation.dispute;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The two hand-offs to grid-service a dispute keeps in its own document until grid-service answers: the village
 * check of an UNVERIFIED dispute ({@code village-verification}) and the police liaison ({@code police-liaison}).
 * The platform's scheduler redelivers them; each queue's due query runs on its index (status, nextAttemptAt).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryQueues {

    static final String VILLAGE = "village-verification";
    static final String LIAISON = "police-liaison";

    @Bean
    DeliveryQueue villageVerificationQueue(MongoTemplate mongo, Disputes disputes) {
        return new DisputeQueue(VILLAGE, "villageDelivery", mongo) {
            @Override
            public Delivery.Outcome redeliver(String ownerId) {
                return disputes.reverifyVillage(ownerId);
            }
        };
    }

    @Bean
    DeliveryQueue policeLiaisonQueue(MongoTemplate mongo, Disputes disputes) {
        return new DisputeQueue(LIAISON, "liaisonDelivery", mongo) {
            @Override
            public Delivery.Outcome redeliver(String ownerId) {
                return disputes.refetchLiaison(ownerId);
            }
        };
    }

    /** A queue over one Delivery field of the disputes. */
    abstract static class DisputeQueue implements DeliveryQueue {

        private final String name;
        private final String field;
        private final MongoTemplate mongo;

        DisputeQueue(String name, String field, MongoTemplate mongo) {
            this.name = name;
            this.field = field;
            this.mongo = mongo;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long backlog() {
            return mongo.count(Query.query(Criteria.where(field + ".status").is(Delivery.Status.PENDING)),
                    Dispute.class);
        }

        @Override
        public List<String> due(Instant now, int limit) {
            Query due = Query.query(Criteria.where(field + ".status").is(Delivery.Status.PENDING)
                            .and(field + ".nextAttemptAt").lte(now))
                    .with(Sort.by(field + ".nextAttemptAt")).limit(limit);
            due.fields().include("_id");
            return mongo.find(due, Dispute.class).stream().map(Dispute::id).toList();
        }
    }
}
