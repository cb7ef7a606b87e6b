package cn.lishui.police.grid.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Incident numbers as the command room reads them: JQ + county + local date + a daily sequence.
 *
 * <p>The stored counter of a county-day ({@code incident_counters}) is a high-water mark: numbers are reserved from
 * it {@value #BLOCK} at a time (one {@code $inc} that is acknowledged, i.e. in the file, before any of them is
 * handed out) and then handed out from memory, so an intake costs no store command for its number most of the
 * time. Every number is above the mark of the block before it, so numbers stay unique per county-day across
 * restarts, a {@code kill -9} and several instances; the price is a gap in the sequence, at most one block's
 * unused numbers, after each restart.
 */
@Component
class IncidentNumbers {

    /** Numbers reserved per store command. */
    static final int BLOCK = 32;
    static final String COUNTERS = "incident_counters";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));
    /** County-days kept in memory before those of other days are forgotten (nine counties, today and yesterday). */
    private static final int KEPT = 32;

    private final MongoTemplate mongo;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    IncidentNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    String next(String countyCode, Instant now) {
        String key = countyCode + DAY.format(now);
        if (blocks.size() > KEPT) {
            String day = key.substring(6);
            blocks.keySet().removeIf(other -> !other.endsWith(day));
        }
        long seq = blocks.computeIfAbsent(key, Block::new).take();
        return "JQ" + key + String.format("%05d", seq);
    }

    /** The numbers of one county-day not yet handed out: {@code next} up to {@code end}, exclusive. */
    private final class Block {

        private final String key;
        private long next;
        private long end;

        Block(String key) {
            this.key = key;
        }

        synchronized long take() {
            if (next == end) {
                Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                        new Update().inc("seq", BLOCK), FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COUNTERS);
                end = ((Number) counter.get("seq")).longValue() + 1;
                next = end - BLOCK;
            }
            return next++;
        }
    }
}
