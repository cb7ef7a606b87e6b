package cn.lishui.police.overseas.aid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The home-side inventory. Taking stock is one atomic findAndModify on the item's document guarded by
 * {@code onHand >= n}: two allocations racing for the last boxes cannot both succeed, and the count never
 * goes below zero (no transactions needed, which the embedded store lacks).
 */
@Component
class Inventory {

    private final MongoTemplate mongo;

    Inventory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void donated(Map<ItemType, Long> items) {
        items.forEach((type, n) -> mongo.upsert(byId(type), new Update().inc("onHand", n).inc("donated", n)
                .setOnInsert("allocated", 0L).setOnInsert("shipped", 0L).setOnInsert("received", 0L)
                .setOnInsert("returning", 0L),
                StockLevel.class));
    }

    /**
     * Takes every line from stock, or none: a line that finds too little gives back the lines taken before it
     * and is 409 INSUFFICIENT_STOCK with the quantity available.
     */
    void take(Map<ItemType, Long> items) {
        List<Map.Entry<ItemType, Long>> taken = new ArrayList<>();
        for (Map.Entry<ItemType, Long> line : items.entrySet()) {
            StockLevel before = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(line.getKey().name()).and("onHand").gte(line.getValue())),
                    new Update().inc("onHand", -line.getValue()).inc("allocated", line.getValue()),
                    FindAndModifyOptions.options().returnNew(false), StockLevel.class);
            if (before == null) {
                taken.forEach(done -> giveBack(done.getKey(), done.getValue()));
                long available = available(line.getKey());
                throw DomainException.conflict("INSUFFICIENT_STOCK", line.getKey().name(), available,
                        line.getValue());
            }
            taken.add(line);
        }
    }

    /** Allocated goods that were not shipped (a cancelled request, a failed allocation) go back on hand. */
    void giveBack(ItemType type, long n) {
        mongo.updateFirst(byId(type), new Update().inc("onHand", n).inc("allocated", -n), StockLevel.class);
    }

    void shipped(ItemType type, long n) {
        mongo.updateFirst(byId(type), new Update().inc("allocated", -n).inc("shipped", n), StockLevel.class);
    }

    /** A shipment cancelled before it left: its goods are allocated again, waiting for another shipment. */
    void unshipped(ItemType type, long n) {
        mongo.updateFirst(byId(type), new Update().inc("allocated", n).inc("shipped", -n), StockLevel.class);
    }

    void received(ItemType type, long n) {
        mongo.updateFirst(byId(type), new Update().inc("received", n), StockLevel.class);
    }

    void returning(ItemType type, long n) {
        mongo.updateFirst(byId(type), new Update().inc("shipped", -n).inc("returning", n), StockLevel.class);
    }

    long available(ItemType type) {
        StockLevel level = mongo.findOne(byId(type), StockLevel.class);
        return level == null ? 0 : level.onHand();
    }

    /** Every item type, zero where nothing was ever donated. */
    List<StockLevel> levels() {
        Map<String, StockLevel> stored = new HashMap<>();
        mongo.findAll(StockLevel.class).forEach(level -> stored.put(level.id(), level));
        return Arrays.stream(ItemType.values())
                .map(type -> stored.getOrDefault(type.name(), new StockLevel(type.name(), 0, 0, 0, 0, 0, 0)))
                .toList();
    }

    private static Query byId(ItemType type) {
        return Query.query(Criteria.where("_id").is(type.name()));
    }
}
