package cn.lishui.police.grid.region;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The nine county-level divisions of Lishui (丽水市, 331100). They are reference data fixed by the
 * state's division codes, not demo data: every start upserts them, which is idempotent and leaves any
 * other field a later feature keeps on a county document untouched. The runner completes before the
 * service reports itself ready.
 */
@Component
class LishuiCounties implements ApplicationRunner {

    static final String LISHUI_CITY = "331100";

    static final List<Region> ALL = List.of(
            county("331102", "莲都区", "Liandu District"),
            county("331121", "青田县", "Qingtian County"),
            county("331122", "缙云县", "Jinyun County"),
            county("331123", "遂昌县", "Suichang County"),
            county("331124", "松阳县", "Songyang County"),
            county("331125", "云和县", "Yunhe County"),
            county("331126", "庆元县", "Qingyuan County"),
            county("331127", "景宁畲族自治县", "Jingning She Autonomous County"),
            county("331181", "龙泉市", "Longquan City"));

    private final MongoTemplate mongo;

    LishuiCounties(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        ALL.forEach(this::upsert);
    }

    private void upsert(Region county) {
        mongo.upsert(Query.query(Criteria.where("code").is(county.code())),
                new Update()
                        .set("name", county.name())
                        .set("nameEn", county.nameEn())
                        .set("level", county.level())
                        .set("parentCode", county.parentCode()),
                Region.class);
    }

    private static Region county(String code, String name, String nameEn) {
        return new Region(code, name, nameEn, RegionLevel.COUNTY, LISHUI_CITY);
    }
}
