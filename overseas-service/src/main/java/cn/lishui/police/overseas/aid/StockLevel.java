package cn.lishui.police.overseas.aid;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The home-side stock of one item type (the id is the ItemType name). {@code onHand} is what may still be
 * allocated; it only ever decreases through a conditional update that requires enough of it.
 * {@code donated}, {@code shipped}, {@code received} are running totals for the KPIs.
 */
@Document("stock")
record StockLevel(@Id String id, long onHand, long donated, long allocated, long shipped, long received,
                  long returning) {

    ItemType itemType() {
        return ItemType.valueOf(id);
    }
}
