package cn.lishui.police.mediation.organisation;

import cn.lishui.police.mediation.demo.DemoSeed;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Benchmark data only (bench/mediation): with {@code fengqiao.mediation.bench.mediators=N}, the organisation
 * {@link DemoSeed#benchOrganisation} that gets the N mediators; written once.
 */
@Component
@Order(11)
@ConditionalOnExpression("${fengqiao.mediation.bench.mediators:0} > 0")
class BenchOrganisation implements ApplicationRunner {

    private final MongoTemplate mongo;
    private final OrganisationDirectory directory;

    BenchOrganisation(MongoTemplate mongo, OrganisationDirectory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoSeed.Organisation o = DemoSeed.benchOrganisation(0);
        if (mongo.findById(o.id(), Organisation.class) == null) {
            mongo.insert(Organisation.register(o.id(), o.name(), o.kind(), o.countyCode(), o.townCode(),
                    o.villageCode(), o.brandName(), o.policeOfficeId(), null, null, "bench-data"));
            directory.changed();
        }
    }
}
