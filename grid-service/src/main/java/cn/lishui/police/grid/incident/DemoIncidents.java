package cn.lishui.police.grid.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.lishui.police.grid.region.MapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Demo incidents for the KPIs: {@value #FULL_COUNT} at full scale over the 400 days before today, every one
 * taken through the real state machine (reported, dispatched to an officer of its county, acknowledged, on
 * scene, closed), with this year's theft and robbery below last year's. In 遂昌 (331123) the criminal
 * incidents of the last {@value #ZERO_CASE_DAYS} days fall in {@value #SUICHANG_VILLAGES_WITH_CASES} villages only,
 * so its other villages count as zero-case (遂昌 reports 195 of 203). Not handed to mediation. Fixed seed, once.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("fengqiao.demo-data.enabled")
class DemoIncidents implements ApplicationRunner {

    static final int FULL_COUNT = 4_000;
    static final int ZERO_CASE_DAYS = 90;
    static final int SUICHANG_VILLAGES_WITH_CASES = 8;
    private static final long SEED = 20260415L;
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);
    private static final IncidentCategory[] CATEGORIES = {IncidentCategory.THEFT, IncidentCategory.THEFT,
            IncidentCategory.FRAUD, IncidentCategory.PUBLIC_ORDER, IncidentCategory.PUBLIC_ORDER, IncidentCategory.DISPUTE,
            IncidentCategory.DISPUTE, IncidentCategory.DISPUTE, IncidentCategory.TRAFFIC, IncidentCategory.TRAFFIC,
            IncidentCategory.RESCUE, IncidentCategory.FIRE, IncidentCategory.OTHER, IncidentCategory.ROBBERY_SNATCHING};

    private final MongoTemplate mongo;
    private final MapDirectory map;
    private final double scale;
    private final int wanted;

    /**
     * @param wanted how many incidents to generate instead of {@value #FULL_COUNT} × scale, e.g. 100,000 to
     *               measure the KPIs ({@code fengqiao.demo-data.incidents}, 0: the default)
     */
    DemoIncidents(MongoTemplate mongo, MapDirectory map, @Value("${fengqiao.demo-data.scale:1}") double scale,
                  @Value("${fengqiao.demo-data.incidents:0}") int wanted) {
        this.mongo = mongo;
        this.map = map;
        this.scale = scale;
        this.wanted = wanted;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(new Query(), Incident.class)) {
            log.info("Demo incidents not generated: the store already has incidents");
            return;
        }
        List<MapDirectory.Place> villages = map.villagesUnder("");
        Map<String, List<Incident.Officer>> officers = new HashMap<>();
        mongo.getCollection("officers").find().forEach(o -> officers
                .computeIfAbsent(o.getString("countyCode"), c -> new ArrayList<>())
                .add(new Incident.Officer(o.getString("_id"), o.getString("name"), o.getString("stationId"))));
        if (villages.isEmpty() || officers.isEmpty()) {
            log.info("Demo incidents not generated: no villages or officers");
            return;
        }
        List<MapDirectory.Place> suichangWithCases = villages.stream().filter(v -> v.code().startsWith("331123"))
                .limit(SUICHANG_VILLAGES_WITH_CASES).toList();
        Random random = new Random(SEED);
        LocalDate today = LocalDate.now(LOCAL);
        int count = wanted > 0 ? wanted : Math.max(300, (int) Math.round(FULL_COUNT * scale));
        Map<String, Integer> sequence = new HashMap<>();
        // one read of the grid codes, not a query per village
        Map<String, String> firstGrid = map.firstGridByVillage();
        Incident.Actor commander = new Incident.Actor("demo-commander", true, false);
        Incident.Actor officer = new Incident.Actor("demo-officer", false, true);
        List<Incident> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int daysAgo = 1 + random.nextInt(400);
            IncidentCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            // fewer thefts and robberies this year than last (the seed's year-on-year fall)
            if (daysAgo <= 365 && (category == IncidentCategory.THEFT || category == IncidentCategory.ROBBERY_SNATCHING)
                    && random.nextInt(3) == 0) {
                category = IncidentCategory.PUBLIC_ORDER;
            }
            MapDirectory.Place village = villages.get(random.nextInt(villages.size()));
            if (category.criminalByDefault() && daysAgo <= ZERO_CASE_DAYS && village.code().startsWith("331123")
                    && !suichangWithCases.isEmpty()) {
                village = suichangWithCases.get(random.nextInt(suichangWithCases.size()));
            }
            String county = village.code().substring(0, 6);
            List<Incident.Officer> pool = officers.get(county);
            if (pool == null) {
                continue;
            }
            LocalDate day = today.minusDays(daysAgo);
            Instant reported = day.atStartOfDay(LOCAL).toInstant().plusSeconds(6 * 3600 + random.nextInt(16 * 3600));
            String key = county + DAY.format(day);
            int seq = sequence.merge(key, 1, Integer::sum);
            String grid = firstGrid.get(village.code());
            Incident incident = Incident.report(new UUID(random.nextLong(), random.nextLong()).toString(),
                    "JQ" + key + String.format("%05d", seq), category, category.criminalByDefault(),
                    "演示警情：" + category.name(), new Incident.Place(null, null, null, grid, village.code(),
                            village.parentCode(), county), null, null, "demo-commander", reported);
            Instant at = reported.plusSeconds(30 + random.nextInt(570));
            incident.dispatch(pool.get(random.nextInt(pool.size())), commander, at);
            at = at.plusSeconds(20 + random.nextInt(100));
            incident.acknowledge(officer, at);
            at = at.plusSeconds(240 + random.nextInt(1500));
            incident.arrive(officer, at);
            at = at.plusSeconds(1800 + random.nextInt(5 * 3600));
            boolean solved = incident.criminal() && random.nextInt(10) < 6;
            incident.close(solved ? IncidentOutcome.SOLVED : IncidentOutcome.CLEARED,
                    solved && random.nextInt(10) < 8 ? SolvingUnit.STATION : SolvingUnit.OTHER_UNIT, null, null,
                    List.of(), officer, at);
            batch.add(incident);
            if (batch.size() == 1_000) {
                mongo.insert(batch, Incident.class);
                batch.clear();
            }
        }
        mongo.insert(batch, Incident.class);
        log.info("Demo incidents generated: {}", count);
    }
}
