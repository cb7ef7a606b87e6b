package cn.lishui.police.grid.officer;

import java.util.List;

import cn.lishui.police.grid.demodata.DemoInserts;
import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Writes the demo officers and their assignments after the demo map, when demo data is enabled and
 * there are no officers yet.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("fengqiao.demo-data.enabled")
class DemoOfficerData implements ApplicationRunner {

    /** The village count of the full demo map, against which the officer counts scale. */
    static final int FULL_VILLAGES = 2_850;
    private static final Logger log = LoggerFactory.getLogger(DemoOfficerData.class);

    private final MongoTemplate mongo;
    private final MapDirectory map;
    private final PersonalDataProtector protector;

    DemoOfficerData(MongoTemplate mongo, MapDirectory map, PersonalDataProtector protector) {
        this.mongo = mongo;
        this.map = map;
        this.protector = protector;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(new Query(), Officer.class)) {
            log.info("Demo officers not generated: the store already has officers");
            return;
        }
        List<String> villages = map.villageCodes();
        if (villages.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        DemoOfficers.Generated generated = DemoOfficers.generate(villages, map.gridCodes(), FULL_VILLAGES,
                phone -> protector.protect(PersonalDataKind.PHONE, phone));
        DemoInserts.insert(mongo, DemoInserts.part(generated.officers(), Officer.class),
                DemoInserts.part(generated.chiefs(), VillageChiefs.class),
                DemoInserts.part(generated.gridOfficers(), GridOfficer.class));
        log.info("Demo officers generated: {} officers, {} chief pairs, {} grid officers in {} ms",
                generated.officers().size(), generated.chiefs().size(), generated.gridOfficers().size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
