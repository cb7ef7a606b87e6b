package cn.lishui.police.grid.region;

import java.util.Arrays;
import java.util.List;

import cn.lishui.police.platform.region.LishuiCounty;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The nine county-level divisions of Lishui (丽水市, 331100) as regions of the map. They are reference
 * data fixed by the state's division codes ({@link LishuiCounty}), not demo data: every start upserts
 * them, which is idempotent and leaves any other field a later feature keeps on a county document
 * untouched. The runner completes before the
 * service reports itself ready.
 */
@Component
class LishuiCounties implements ApplicationRunner {

    static final List<Region> ALL = Arrays.stream(LishuiCounty.values())
            .map(county -> new Region(county.code(), county.chineseName(), county.englishName(), RegionLevel.COUNTY,
                    LishuiCounty.LISHUI_CITY))
            .toList();

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

}
