package cn.lishui.police.mediation.mediator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import cn.lishui.police.mediation.demo.DemoSeed;
import cn.lishui.police.mediation.dispute.DisputeCategory;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The demo mediators ({@link DemoSeed}), from a fixed seed, written once. */
@Component
@Order(20)
@ConditionalOnBooleanProperty("fengqiao.demo-data.enabled")
class DemoMediators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMediators.class);
    private static final String[] FAMILY = {"应", "胡", "李", "王", "陈", "朱", "吕", "周", "杜", "赵", "丁", "施", "樊",
            "蓝", "雷", "叶"};
    private static final String[] GIVEN = {"建国", "正道", "和平", "秀英", "志强", "海燕", "伟民", "丽萍", "国平", "文斌",
            "春燕", "立新", "德明", "玉兰"};

    private final MongoTemplate mongo;
    private final PersonalDataProtector protector;
    private final MediatorDirectory directory;

    DemoMediators(MongoTemplate mongo, PersonalDataProtector protector, MediatorDirectory directory) {
        this.mongo = mongo;
        this.protector = protector;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<DemoSeed.Organisation> seed = DemoSeed.organisations();
        if (mongo.findById(DemoSeed.mediatorId(seed.get(0).id(), 1), Mediator.class) != null) {
            return;
        }
        Random random = new Random(DemoSeed.SEED);
        List<Mediator> mediators = new ArrayList<>();
        for (DemoSeed.Organisation organisation : seed) {
            for (int n = 1; n <= organisation.mediators(); n++) {
                mediators.add(mediator(organisation, n, random));
            }
        }
        mongo.insertAll(mediators);
        directory.changed();
        log.info("Demo mediators written: {}", mediators.size());
    }

    private Mediator mediator(DemoSeed.Organisation organisation, int n, Random random) {
        EnumSet<DisputeCategory> specialties = EnumSet.noneOf(DisputeCategory.class);
        int count = 1 + random.nextInt(3);
        while (specialties.size() < count) {
            specialties.add(DemoSeed.category(random.nextInt(13)));
        }
        List<String> dialects = new ArrayList<>(List.of("普通话"));
        if (!organisation.dialects().isEmpty()) {
            dialects.add(organisation.dialects().get((n - 1) % organisation.dialects().size()));
        }
        String name = FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)];
        String phone = "138" + String.format("%08d", random.nextInt(100_000_000));
        List<String> area = organisation.villageCode() != null ? List.of(organisation.villageCode())
                : List.of(organisation.townCode());
        return new Mediator(DemoSeed.mediatorId(organisation.id(), n),
                DemoSeed.mediatorSubject(organisation.id(), n), name, protector.protect(PersonalDataKind.PHONE, phone),
                organisation.id(), organisation.countyCode(), organisation.townCode(), List.copyOf(specialties),
                dialects, area, 8 + random.nextInt(8), "demo-data");
    }
}
