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

/** Reads the catalogue. */
@Service
class ServiceItemCatalogue {

    private final ServiceItemRepository items;
    private final MongoTemplate mongo;

    ServiceItemCatalogue(ServiceItemRepository items, MongoTemplate mongo) {
        this.items = items;
        this.mongo = mongo;
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
        if (filter.global() != null) {
            query.addCriteria(Criteria.where("global").is(filter.global()));
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            // no $text on the embedded store (ARCHITECTURE.md §2): a contains-regex, with the user's input
            // quoted so that ".*" or "(" are searched for literally
            query.addCriteria(Criteria.where("name").regex(Pattern.quote(filter.nameContains().strip()), "i"));
        }
        return query;
    }
}
