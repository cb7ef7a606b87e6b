package cn.lishui.police.grid.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Incident numbers as the command room reads them: JQ + county + local date + a daily sequence. */
@Component
class IncidentNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));

    private final MongoTemplate mongo;

    IncidentNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    String next(String countyCode, Instant now) {
        String key = countyCode + DAY.format(now);
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)), new Update().inc("seq", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "incident_counters");
        long seq = ((Number) counter.get("seq")).longValue();
        return "JQ" + key + String.format("%05d", seq);
    }
}
