package cn.lishui.police.overseas.aid;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.lishui.police.platform.metrics.PeriodicReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Aid in numbers, for the overview and for Prometheus: aid requests by fulfilment
 * ({@code fengqiao_overseas_aid_requests{status}}) and stock on hand by item type
 * ({@code fengqiao_overseas_stock_items{item_type}}). The gauges read the store at most once per
 * {@link PeriodicReading#DEFAULT_PERIOD} (one reading for the statuses, one for the stock), not at every scrape.
 */
@Component
public class AidStatistics implements MeterBinder {

    /** Items donated, shipped (on live or received shipments) and received, per item type key. */
    public record ItemTotals(Map<String, Long> donated, Map<String, Long> shipped, Map<String, Long> received,
                             Map<String, Long> onHand) {
    }

    private final MongoTemplate mongo;
    private final Inventory inventory;
    private final PeriodicReading<Map<String, Long>> requests = new PeriodicReading<>(this::requestsByStatus);
    private final PeriodicReading<ItemTotals> stock = new PeriodicReading<>(this::items);

    AidStatistics(MongoTemplate mongo, Inventory inventory) {
        this.mongo = mongo;
        this.inventory = inventory;
    }

    /** Aid requests by fulfilment status, every status present. */
    public Map<String, Long> requestsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Fulfilment status : Fulfilment.values()) {
            counts.put(status.name(), count(status));
        }
        return counts;
    }

    public ItemTotals items() {
        Map<String, Long> donated = new LinkedHashMap<>();
        Map<String, Long> shipped = new LinkedHashMap<>();
        Map<String, Long> received = new LinkedHashMap<>();
        Map<String, Long> onHand = new LinkedHashMap<>();
        for (StockLevel level : inventory.levels()) {
            String key = level.itemType().key();
            donated.put(key, level.donated());
            shipped.put(key, level.shipped());
            received.put(key, level.received());
            onHand.put(key, level.onHand());
        }
        return new ItemTotals(donated, shipped, received, onHand);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Fulfilment status : Fulfilment.values()) {
            Gauge.builder("fengqiao.overseas.aid.requests", requests,
                            reading -> reading.gauge(counts -> counts.getOrDefault(status.name(), 0L)))
                    .description("Aid requests by fulfilment status").tag("status", status.name()).register(registry);
        }
        for (ItemType type : ItemType.values()) {
            Gauge.builder("fengqiao.overseas.stock.items", stock,
                            reading -> reading.gauge(totals -> totals.onHand().getOrDefault(type.key(), 0L)))
                    .description("Items on hand in the home-side inventory, by item type")
                    .tag("item_type", type.key()).register(registry);
        }
    }

    private long count(Fulfilment status) {
        return mongo.count(Query.query(Criteria.where("fulfilment").is(status)), AidRequest.class);
    }
}
