package cn.lishui.police.grid.swarm;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import cn.lishui.police.grid.demodata.DemoBackground;
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
 * The demo "swarm" of 云和 (331125): {@value #GROUPS} liaison groups over the county's six stations with
 * {@value #MEMBERS} members (volunteers, shop keepers, security guards, grid workers), each on call one or two
 * days a week. From a fixed seed, once (not when the store has groups). It needs nothing else of the demo data,
 * so it is written on its own thread while the map and the officers are ({@link DemoBackground}).
 */
@Component
@Order(-10)
@ConditionalOnBooleanProperty("fengqiao.demo-data.enabled")
class DemoLiaisonGroups implements ApplicationRunner {

    static final String COUNTY = "331125";
    static final int GROUPS = 25;
    static final int MEMBERS = 5_125;
    private static final long SEED = 20260413L;
    private static final Logger log = LoggerFactory.getLogger(DemoLiaisonGroups.class);
    private static final String[] KINDS = {"平安志愿者群", "沿街商户群", "企业保安群", "网格员群", "景区联防群"};
    private static final MemberRole[] KIND_ROLES = {MemberRole.VOLUNTEER, MemberRole.SHOPKEEPER,
            MemberRole.SECURITY_GUARD, MemberRole.GRID_WORKER, MemberRole.VOLUNTEER};
    private static final String[] PLACES = {"城关", "浮云", "元和", "白龙山", "凤凰山", "紧水滩", "石塘", "安溪", "赤石", "崇头"};
    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "吴", "周", "叶", "徐", "朱", "潘", "毛", "蓝",
            "雷", "季", "柳", "梅"};
    private static final String[] GIVEN = {"伟", "芳", "军", "敏", "强", "静", "磊", "丽", "建华", "秀英", "志明", "海燕",
            "国强", "晓红", "春梅", "卫东"};

    private final MongoTemplate mongo;
    private final PersonalDataProtector protector;
    private final DemoBackground background;

    DemoLiaisonGroups(MongoTemplate mongo, PersonalDataProtector protector, DemoBackground background) {
        this.mongo = mongo;
        this.protector = protector;
        this.background = background;
    }

    @Override
    public void run(ApplicationArguments args) {
        background.start("demo-liaison-groups", this::generate);
    }

    void generate() {
        if (mongo.exists(new Query(), LiaisonGroup.class)) {
            log.info("Demo liaison groups not generated: the store already has groups");
            return;
        }
        Random random = new Random(SEED);
        Instant now = Instant.now();
        List<LiaisonGroup> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String station = "station-" + COUNTY + "-" + String.format("%02d", 1 + g % 6);
            groups.add(new LiaisonGroup(new UUID(random.nextLong(), random.nextLong()).toString(),
                    PLACES[g % PLACES.length] + KINDS[g % KINDS.length], station, COUNTY, null, "demo-data", now, null));
        }
        mongo.insert(groups, LiaisonGroup.class);
        List<LiaisonMember> batch = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            LiaisonGroup group = groups.get(m % GROUPS);
            // mostly the group's own kind of member, with a grid worker in every group now and then
            MemberRole role = random.nextInt(10) == 0 ? MemberRole.GRID_WORKER : KIND_ROLES[(m % GROUPS) % KINDS.length];
            EnumSet<DayOfWeek> days = EnumSet.of(DayOfWeek.of(1 + random.nextInt(7)));
            if (random.nextBoolean()) {
                days.add(DayOfWeek.of(1 + random.nextInt(7)));
            }
            String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
            batch.add(new LiaisonMember(new UUID(random.nextLong(), random.nextLong()).toString(), group.id(), COUNTY,
                    FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)],
                    role,
                    protector.protect(PersonalDataKind.PHONE, phone), days, null));
            if (batch.size() == 1_000) {
                mongo.insert(batch, LiaisonMember.class);
                batch.clear();
            }
        }
        mongo.insert(batch, LiaisonMember.class);
        log.info("Demo liaison groups generated: {} groups, {} members in {}", GROUPS, MEMBERS, COUNTY);
    }
}
