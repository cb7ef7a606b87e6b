package cn.lishui.police.publicservice.catalogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/**
 * Reads the catalogue; other features ask it for an item's guide. The catalogue is a few hundred items that
 * change only when a new catalogue file is loaded, and it is read on every page of the portal and the
 * windows: it is answered from an in-memory snapshot of the store, taken again after any item is saved or
 * deleted in this process ({@link CatalogueChanges}) and at least every {@link #MAX_AGE} (another instance's
 * load). Only a sort other than by code goes to the store.
 */
@Service
public class ServiceItemCatalogue {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final CatalogueLoader loader;
    private volatile Snapshot snapshot;

    /** The items by code, in code order, and the catalogue version they belong to. */
    private record Snapshot(List<ServiceItem> items, Map<String, ServiceItem> byCode, String version, long takenAt) {
    }

    ServiceItemCatalogue(MongoTemplate mongo, CatalogueLoader loader) {
        this.mongo = mongo;
        this.loader = loader;
    }

    /** Forgets the snapshot: the next read takes a new one. */
    void invalidate() {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.takenAt() > MAX_AGE.toNanos()) {
            current = take();
        }
        return current;
    }

    private synchronized Snapshot take() {
        String version = loader.loadedVersion();
        List<ServiceItem> all = new ArrayList<>(mongo.find(new Query().with(Sort.by("code")), ServiceItem.class));
        Map<String, ServiceItem> byCode = new HashMap<>();
        all.forEach(item -> byCode.put(item.code(), item));
        Snapshot taken = new Snapshot(List.copyOf(all), Map.copyOf(byCode), version, System.nanoTime());
        snapshot = taken;
        return taken;
    }

    /** The guide of the item with this code; 404 SERVICE_ITEM_NOT_FOUND when there is none. */
    public CatalogueEntry guideOf(String code) {
        return byCode(code).toEntry();
    }

    /** How many items match; used by the statistics. */
    public long count(Boolean instant, Boolean zeroVisit, Boolean global, Boolean online, Boolean mobile) {
        ServiceItemFilter filter = new ServiceItemFilter(null, null, online, mobile, instant, zeroVisit, global, null);
        return snapshot().items().stream().filter(item -> matches(filter, item.toEntry())).count();
    }

    String version() {
        return snapshot().version();
    }

    ServiceItem byCode(String code) {
        ServiceItem item = code == null ? null : snapshot().byCode().get(code);
        if (item == null) {
            throw DomainException.notFound("SERVICE_ITEM_NOT_FOUND", code);
        }
        return item;
    }

    Page<ServiceItem> search(ServiceItemFilter filter, Pageable pageable) {
        Sort sort = pageable.getSort();
        boolean byCodeOnly = sort.isUnsorted()
                || sort.stream().allMatch(order -> order.getProperty().equals("code")) && sort.stream().count() == 1;
        if (!byCodeOnly) {
            List<ServiceItem> page = mongo.find(queryOf(filter).with(pageable), ServiceItem.class);
            return PageableExecutionUtils.getPage(page, pageable, () -> mongo.count(queryOf(filter), ServiceItem.class));
        }
        List<ServiceItem> matching = new ArrayList<>();
        for (ServiceItem item : snapshot().items()) {
            if (matches(filter, item.toEntry())) {
                matching.add(item);
            }
        }
        if (sort.isSorted() && sort.getOrderFor("code").isDescending()) {
            Collections.reverse(matching);
        }
        long offset = pageable.isPaged() ? pageable.getOffset() : 0;
        int from = (int) Math.min(offset, matching.size());
        int to = pageable.isPaged() ? (int) Math.min((long) from + pageable.getPageSize(), matching.size())
                : matching.size();
        return new PageImpl<>(List.copyOf(matching.subList(from, to)), pageable, matching.size());
    }

    /** The filter as {@link #queryOf} puts it to the store, applied in memory. */
    private static boolean matches(ServiceItemFilter filter, CatalogueEntry item) {
        if (filter.department() != null && filter.department() != item.department()) {
            return false;
        }
        if (filter.channel() != null && !item.channels().contains(filter.channel())) {
            return false;
        }
        if (differs(filter.online(), item.online()) || differs(filter.mobile(), item.mobile())
                || differs(filter.instant(), item.instant()) || differs(filter.zeroVisit(), item.zeroVisit())
                || differs(filter.global(), item.global())) {
            return false;
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            String wanted = filter.nameContains().strip().toLowerCase(Locale.ROOT);
            return contains(item.code(), wanted) || contains(item.name(), wanted) || contains(item.nameEn(), wanted);
        }
        return true;
    }

    private static boolean differs(Boolean wanted, boolean actual) {
        return wanted != null && wanted != actual;
    }

    private static boolean contains(String text, String wanted) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
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
