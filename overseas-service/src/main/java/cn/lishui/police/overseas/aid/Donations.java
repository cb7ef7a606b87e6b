package cn.lishui.police.overseas.aid;

import java.time.Clock;
import java.util.Map;

import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Donations (捐赠) into the home-side inventory. */
@Service
class Donations {

    private final MongoTemplate mongo;
    private final Inventory inventory;
    private final Clock clock;

    Donations(MongoTemplate mongo, Inventory inventory, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.inventory = inventory;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Donation donate(AidCommands.Donate command, Caller caller) {
        Map<ItemType, Long> items = ItemLine.merge(command.items());
        Donation donation = mongo.insert(new Donation(null, command.donor().strip(), command.donorKind(),
                AidRequests.lines(items), command.note() == null || command.note().isBlank() ? null
                        : command.note().strip(), caller.subject(), clock.instant()));
        inventory.donated(items);
        return donation;
    }

    Page<Donation> list(Pageable pageable) {
        Query query = new Query();
        return MongoPages.find(mongo, query, pageable, Sort.by(Sort.Direction.DESC, "receivedAt"), Donation.class);
    }
}
