package cn.lishui.police.overseas.aid;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The record of stock allocated to an aid request: who, when, what. */
@Document("allocations")
record Allocation(@Id String id, @Indexed String aidRequestId, List<ItemLine> items, String allocatedBy,
                  Instant allocatedAt) {
}
