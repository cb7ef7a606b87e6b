package cn.lishui.police.platform.mongo;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;

/** A page of a query's results, as every list endpoint returns them. */
public final class MongoPages {

    private MongoPages() {
    }

    /**
     * The requested page of {@code query}'s results, in the caller's order or else {@code byDefault}; the
     * total is counted only when the page does not already tell it (a last or only page).
     */
    public static <T> Page<T> find(MongoTemplate mongo, Query query, Pageable pageable, Sort byDefault,
                                   Class<T> type) {
        Query page = Query.of(query).with(pageable);
        if (pageable.getSort().isUnsorted() && byDefault != null) {
            page.with(byDefault);
        }
        return PageableExecutionUtils.getPage(mongo.find(page, type), pageable, () -> mongo.count(query, type));
    }
}
