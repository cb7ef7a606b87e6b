package cn.lishui.police.publicservice.catalogue;

import java.util.List;
import java.util.regex.Pattern;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/** Reads the catalogue; other features ask it for an item's guide. */
@Service
public class ServiceItemCatalogue {

    private final ServiceItemRepository items;
    private final MongoTemplate mongo;
    private final CatalogueLoader loader;

    ServiceItemCatalogue(ServiceItemRepository items, MongoTemplate mongo, CatalogueLoader loader) {
        this.items = items;
        this.mongo = mongo;
        this.loader = loader;
    }

    /** The guide of the item with this code; 404 SERVICE_ITEM_NOT_FOUND when there is none. */
    public CatalogueEntry guideOf(String code) {
        return byCode(code).toEntry();
    }

    /** How many items match; used by the statistics. */
    public long count(Boolean instant, Boolean zeroVisit, Boolean global, Boolean online, Boolean mobile) {
        return mongo.count(queryOf(new ServiceItemFilter(null, null, online, mobile, instant, zeroVisit, global,
                null)), ServiceItem.class);
    }

    String version() {
        return loader.loadedVersion();
    }

    ServiceItem byCode(String code) {
        return items.findByCode(code).orElseThrow(() -> DomainException.notFound("SERVICE_ITEM_NOT_FOUND", code));
    }

    Page<ServiceItem> search(ServiceItemFilter filter, Pageable pageable) {
        List<ServiceItem> page = mongo.find(queryOf(filter).with(pageable), ServiceItem.class);
        return PageableExecutionUtils.getPage(page, pageable, () -> mongo.count(queryOf(filter), ServiceItem.class));
    }

    private static Query queryOf(ServiceItemFilter filter) {
        Query query = new Query();
        if (filter.department() != null) {
            query.addCriteria(Criteria.where("department").is(filter.department()));
        }
        if (filter.channel() != null) {
            query.addCriteria(Criteria.where("channels").is(filter.channel()));
        }
        flag(query, "online", filter.online());
        flag(query, "mobile", filter.mobile());
        flag(query, "instant", filter.instant());
        flag(query, "zeroVisit", filter.zeroVisit());
        flag(query, "global", filter.global());
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            // no $text on the embedded store (ARCHITECTURE.md §2): a contains-regex on code and names, with the input
            // quoted so that ".*" or "(" are searched for literally
            String quoted = Pattern.quote(filter.nameContains().strip());
            query.addCriteria(new Criteria().orOperator(Criteria.where("code").regex(quoted, "i"),
                    Criteria.where("name").regex(quoted, "i"),
                    Criteria.where("nameEn").regex(quoted, "i")));
        }
        return query;
    }

    private static void flag(Query query, String field, Boolean value) {
        if (value != null) {
            query.addCriteria(Criteria.where(field).is(value));
        }
    }
}
