package cn.lishui.police.grid.officer;

import cn.lishui.police.grid.metrics.CountyGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Coverage and officer gauges per county: villages with two chiefs, grids covered, officers by kind. */
@Component
class CoverageMetrics implements MeterBinder {

    private final MongoTemplate mongo;

    CoverageMetrics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CountyGauges.register(registry, "grid.villages.covered", "Villages with two chiefs (一村两警长)", Tags.empty(),
                county -> mongo.count(Query.query(Criteria.where("_id").regex("^" + county)
                        .and("chiefs").size(2)), VillageChiefs.class));
        CountyGauges.register(registry, "grid.grids.covered", "Grids with a grid officer (一格一警)", Tags.empty(),
                county -> mongo.count(Query.query(Criteria.where("_id").regex("^" + county)), GridOfficer.class));
        for (OfficerKind kind : OfficerKind.values()) {
            CountyGauges.register(registry, "grid.officers", "Officers by kind", Tags.of("kind", kind.name()),
                    county -> mongo.getCollection(mongo.getCollectionName(Officer.class))
                            .countDocuments(new Document("countyCode", county).append("kind", kind.name())));
        }
    }
}
