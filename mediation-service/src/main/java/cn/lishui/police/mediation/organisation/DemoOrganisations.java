package cn.lishui.police.mediation.organisation;

import java.util.List;

import cn.lishui.police.mediation.demo.DemoSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The demo organisations ({@link DemoSeed}), written once when {@code fengqiao.demo-data.enabled} is true. */
@Component
@Order(10)
@ConditionalOnBooleanProperty("fengqiao.demo-data.enabled")
class DemoOrganisations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

    private final MongoTemplate mongo;
    private final OrganisationDirectory directory;

    DemoOrganisations(MongoTemplate mongo, OrganisationDirectory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<DemoSeed.Organisation> seed = DemoSeed.organisations();
        if (mongo.findById(seed.get(0).id(), Organisation.class) != null) {
            return;
        }
        List<Organisation> organisations = seed.stream()
                .filter(o -> mongo.findById(o.id(), Organisation.class) == null)
                .map(o -> Organisation.register(o.id(), o.name(), o.kind(), o.countyCode(), o.townCode(),
                        o.villageCode(), o.brandName(), o.policeOfficeId(), null, null, "demo-data"))
                .toList();
        mongo.insertAll(organisations);
        directory.changed();
        log.info("Demo organisations written: {}", organisations.size());
    }
}
