package cn.lishui.police.mediation.mediator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import cn.lishui.police.mediation.demo.DemoSeed;
import cn.lishui.police.mediation.dispute.DisputeCategory;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Benchmark data only (bench/mediation): with {@code fengqiao.mediation.bench.mediators=N}, N mediators of the
 * benchmark's organisation ({@link DemoSeed#benchOrganisation}), each with one to three specialties, 普通话 and
 * one or two of the organisation's dialects, a village of 壶镇 or the whole town as their area and a capacity of
 * 5 to 14 cases, so that suggestions rank them on every factor. Written once, in one batch.
 */
@Component
@Order(25)
@ConditionalOnExpression("${fengqiao.mediation.bench.mediators:0} > 0")
class BenchMediators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchMediators.class);
    private static final String[] FAMILY = {"应", "胡", "李", "王", "陈", "朱", "吕", "周", "杜", "赵", "丁", "施", "樊",
            "蓝", "雷", "叶", "潘", "徐", "金", "楼"};
    private static final String[] GIVEN = {"建国", "正道", "和平", "秀英", "志强", "海燕", "伟民", "丽萍", "国平", "文斌",
            "春燕", "立新", "德明", "玉兰", "晓东", "宏伟"};

    private final MongoTemplate mongo;
    private final PersonalDataProtector protector;
    private final MediatorDirectory directory;
    private final int count;

    BenchMediators(MongoTemplate mongo, PersonalDataProtector protector, MediatorDirectory directory,
                   @Value("${fengqiao.mediation.bench.mediators}") int count) {
        this.mongo = mongo;
        this.protector = protector;
        this.directory = directory;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoSeed.Organisation organisation = DemoSeed.benchOrganisation(count);
        if (mongo.findById(DemoSeed.mediatorId(organisation.id(), 1), Mediator.class) != null) {
            return;
        }
        Random random = new Random(DemoSeed.SEED + 2);
        // one sealed phone for all: sealing a thousand would only slow the start
        ProtectedValue phone = protector.protect(PersonalDataKind.PHONE, "13800000000");
        List<String> dialects = organisation.dialects();
        List<Mediator> mediators = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            EnumSet<DisputeCategory> specialties = EnumSet.noneOf(DisputeCategory.class);
            int specialtyCount = 1 + random.nextInt(3);
            while (specialties.size() < specialtyCount) {
                specialties.add(DemoSeed.category(random.nextInt(13)));
            }
            List<String> spoken = new ArrayList<>(List.of("普通话", dialects.get(random.nextInt(dialects.size()))));
            if (random.nextBoolean()) {
                spoken.add(dialects.get(random.nextInt(dialects.size())));
            }
            int village = random.nextInt(60);
            List<String> area = village < 57 ? List.of("331122101" + (201 + village)) : List.of(DemoSeed.HUZHEN_TOWN);
            String name = FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)] + n;
            mediators.add(new Mediator(DemoSeed.mediatorId(organisation.id(), n),
                    DemoSeed.mediatorSubject(organisation.id(), n), name, phone, organisation.id(),
                    organisation.countyCode(), organisation.townCode(), List.copyOf(specialties), spoken, area,
                    5 + random.nextInt(10), "bench-data"));
        }
        mongo.insertAll(mediators);
        directory.changed();
        log.info("Bench mediators written: {} in {}", count, organisation.id());
    }
}
