package cn.lishui.police.grid.market;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import cn.lishui.police.grid.region.MapDirectory;
import org.bson.Document;
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
 * 遂昌's (331123) demo market-day policing and its {@value #BACKPACK_POINTS} backpack policing points, spread
 * over the county's villages, staffed by the county's demo officers. Fixed seed, once.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("fengqiao.demo-data.enabled")
class DemoMarkets implements ApplicationRunner {

    static final String COUNTY = "331123";
    static final int BACKPACK_POINTS = 36;
    private static final long SEED = 20260414L;
    private static final Logger log = LoggerFactory.getLogger(DemoMarkets.class);
    private static final List<String> MARKET_SERVICES = List.of("户籍业务咨询", "身份证申领指导", "防电信诈骗宣传",
            "矛盾纠纷调解", "交通安全宣传", "失物招领");
    private static final List<String> BACKPACK_SERVICES = List.of("居住证代办", "户籍证明代办", "法律咨询", "反诈宣传",
            "独居老人走访", "纠纷调解", "农村道路交通安全提醒");
    private static final List<MarketSchedule> SCHEDULES = List.of(
            new MarketSchedule(MarketSchedule.Type.DAYS_ENDING_IN, List.of(1, 4, 7)),
            new MarketSchedule(MarketSchedule.Type.DAYS_ENDING_IN, List.of(2, 5, 8)),
            new MarketSchedule(MarketSchedule.Type.DAYS_ENDING_IN, List.of(3, 6, 9)),
            new MarketSchedule(MarketSchedule.Type.DAYS_ENDING_IN, List.of(0, 5)),
            new MarketSchedule(MarketSchedule.Type.LUNAR_DAYS, List.of(3, 8, 13, 18, 23, 28)),
            new MarketSchedule(MarketSchedule.Type.LUNAR_DAYS, List.of(1, 15)));

    private final MongoTemplate mongo;
    private final MapDirectory map;

    DemoMarkets(MongoTemplate mongo, MapDirectory map) {
        this.mongo = mongo;
        this.map = map;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(new Query(), BackpackPoint.class) || mongo.exists(new Query(), Market.class)) {
            log.info("Demo markets not generated: the store already has markets or backpack points");
            return;
        }
        List<MapDirectory.Place> villages = map.villagesUnder(COUNTY);
        // The officer collection belongs to the officer feature; the demo only reads names and ids from it.
        List<Market.StallOfficer> officers = new ArrayList<>();
        mongo.getCollection("officers").find(new Document("countyCode", COUNTY)).sort(new Document("_id", 1)).limit(36)
                .forEach(o -> officers.add(new Market.StallOfficer(o.getString("_id"), o.getString("name"))));
        if (villages.isEmpty() || officers.isEmpty()) {
            log.info("Demo markets not generated: no villages or officers in {}", COUNTY);
            return;
        }
        Random random = new Random(SEED);
        List<Market> markets = new ArrayList<>();
        for (int m = 0; m < SCHEDULES.size(); m++) {
            // spread over the county: at full scale each market is in another town
            MapDirectory.Place village = villages.get((int) ((long) m * villages.size() / SCHEDULES.size()));
            List<Market.StallOfficer> pool = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                pool.add(officers.get((m * 4 + k) % officers.size()));
            }
            markets.add(new Market(new UUID(random.nextLong(), random.nextLong()).toString(),
                    village.name().replace("社区", "").replace("村", "") + "集市", village.code(), village.parentCode(),
                    COUNTY, SCHEDULES.get(m), MARKET_SERVICES, pool, 2, null));
        }
        mongo.insert(markets, Market.class);
        List<BackpackPoint> points = new ArrayList<>();
        for (int i = 0; i < BACKPACK_POINTS; i++) {
            MapDirectory.Place village = villages.get((int) ((long) i * villages.size() / BACKPACK_POINTS));
            Market.StallOfficer officer = officers.get(i % officers.size());
            EnumSet<DayOfWeek> days = EnumSet.of(DayOfWeek.of(1 + i % 5), DayOfWeek.of(1 + (i + 2) % 5));
            List<String> services = new ArrayList<>(BACKPACK_SERVICES);
            java.util.Collections.shuffle(services, random);
            points.add(new BackpackPoint(new UUID(random.nextLong(), random.nextLong()).toString(),
                    village.name() + "背包警务点" + (i + 1), village.code(), village.parentCode(), COUNTY,
                    List.copyOf(services.subList(0, 4)), days, i % 2 == 0 ? "09:00-11:30" : "14:00-16:30",
                    officer.officerId(), officer.name()));
        }
        mongo.insert(points, BackpackPoint.class);
        log.info("Demo markets generated: {} markets, {} backpack points in {}", markets.size(), points.size(), COUNTY);
    }
}
