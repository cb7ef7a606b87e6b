package cn.lishui.police.publicservice.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.publicservice.application.ApplicationStatus;
import cn.lishui.police.publicservice.catalogue.ServiceItemCatalogue;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public KPIs of the service (anonymous, fengqiao.security.public-paths). */
@RestController
class OverviewController {

    /**
     * Rates are shares between 0 and 1; averageRating is null while nobody has rated. slaBreachRate is the share
     * of SLA breaches among the applications whose SLA outcome is known (finished, or marked overdue), null while
     * there are none; visitBreaches counts applications with more visits than their item allows.
     */
    record Overview(long items, long globalItems, long instantItems, long zeroVisitItems, double onlineRate,
                    double mobileRate, Map<ApplicationStatus, Long> applicationsByStatus, long ratings,
                    Double averageRating, Double satisfactionRate, long visitBreaches, long slaBreaches,
                    Double slaBreachRate) {
    }

    private final ServiceItemCatalogue catalogue;
    private final MongoTemplate mongo;

    OverviewController(ServiceItemCatalogue catalogue, MongoTemplate mongo) {
        this.catalogue = catalogue;
        this.mongo = mongo;
    }

    @GetMapping("/api/public/stats/overview")
    Overview overview() {
        long items = catalogue.count(null, null, null, null, null);
        Map<ApplicationStatus, Long> byStatus = new LinkedHashMap<>();
        for (ApplicationStatus status : ApplicationStatus.values()) {
            byStatus.put(status, mongo.getCollection("applications").countDocuments(
                    new Document("status", status.name())));
        }
        long ratings = 0;
        long stars = 0;
        long satisfied = 0;
        for (int star = 1; star <= 5; star++) {
            long count = mongo.count(new Query(Criteria.where("stars").is(star)), "ratings");
            ratings += count;
            stars += star * count;
            satisfied += star >= 4 ? count : 0;
        }
        var collection = mongo.getCollection("applications");
        long visitBreaches = collection.countDocuments(new Document("visitBreach", true));
        long slaBreaches = collection.countDocuments(new Document("slaBreached", true));
        List<String> finished = List.of(ApplicationStatus.NOT_ACCEPTED.name(), ApplicationStatus.DENIED.name(),
                ApplicationStatus.DELIVERED.name());
        long slaDecided = collection.countDocuments(new Document("$or", List.of(
                new Document("status", new Document("$in", finished)), new Document("slaBreached", true))));
        return new Overview(items, catalogue.count(null, null, true, null, null),
                catalogue.count(true, null, null, null, null), catalogue.count(null, true, null, null, null),
                share(catalogue.count(null, null, null, true, null), items),
                share(catalogue.count(null, null, null, null, true), items), byStatus, ratings,
                ratings == 0 ? null : (double) stars / ratings, ratings == 0 ? null : share(satisfied, ratings),
                visitBreaches, slaBreaches, slaDecided == 0 ? null : share(slaBreaches, slaDecided));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
