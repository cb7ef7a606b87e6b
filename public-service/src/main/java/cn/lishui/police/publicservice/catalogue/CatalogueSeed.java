package cn.lishui.police.publicservice.catalogue;

import static cn.lishui.police.publicservice.catalogue.Department.EXIT_ENTRY;
import static cn.lishui.police.publicservice.catalogue.Department.HOUSEHOLD;
import static cn.lishui.police.publicservice.catalogue.Department.PUBLIC_ORDER;
import static cn.lishui.police.publicservice.catalogue.Department.TRAFFIC;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The seed of the service catalogue: a few real items of the Lishui police "at most one visit" list,
 * upserted by code at every start (a second start changes nothing). The full catalogue, with the 45
 * 全球通办 items, replaces this seed with a versioned data file (issue 7).
 */
@Component
class CatalogueSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

    static final List<CatalogueEntry> ENTRIES = List.of(
            entry("LSGA-HZ-0001", "居民身份证换领", HOUSEHOLD, false, false, 1, 60),
            entry("LSGA-HZ-0002", "户口迁移（省内迁入）", HOUSEHOLD, false, false, 0, 20),
            entry("LSGA-HZ-0003", "户籍信息变更更正", HOUSEHOLD, false, true, 0, 20),
            entry("LSGA-HZ-0004", "无犯罪记录证明", HOUSEHOLD, true, true, 0, 3),
            entry("LSGA-CRJ-0001", "出入境记录查询证明", EXIT_ENTRY, true, true, 0, 5),
            entry("LSGA-CRJ-0002", "普通护照签发", EXIT_ENTRY, false, false, 1, 15),
            entry("LSGA-CRJ-0003", "往来港澳通行证签注", EXIT_ENTRY, true, false, 0, 7),
            entry("LSGA-JG-0001", "机动车驾驶证期满换证", TRAFFIC, true, false, 0, 1),
            entry("LSGA-ZA-0001", "旅馆业特种行业许可证核发", PUBLIC_ORDER, false, false, 1, 20));

    private final ServiceItemRepository items;

    CatalogueSeed(ServiceItemRepository items) {
        this.items = items;
    }

    @Override
    public void run(ApplicationArguments args) {
        int written = 0;
        for (CatalogueEntry entry : ENTRIES) {
            try {
                if (upsert(entry)) {
                    written++;
                }
            } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
                // another instance seeding the same store at the same moment has written this item
                log.info("Catalogue item {} was seeded concurrently", entry.code());
            }
        }
        log.info("Catalogue seed: {} of {} items written", written, ENTRIES.size());
    }

    private boolean upsert(CatalogueEntry entry) {
        ServiceItem item = items.findByCode(entry.code()).orElse(null);
        if (item == null) {
            items.save(new ServiceItem(entry));
            return true;
        }
        if (item.revise(entry)) {
            items.save(item);
            return true;
        }
        return false;
    }

    /** Every item of the catalogue can be handled online and on a phone (网上办, 掌上办 100 %). */
    private static CatalogueEntry entry(String code, String name, Department department, boolean instant,
                                        boolean global, int visitCount, int statutoryTimeLimitDays) {
        return new CatalogueEntry(code, name, department, true, true, instant, visitCount == 0, global,
                visitCount, statutoryTimeLimitDays);
    }
}
