package cn.lishui.police.overseas.aid;

import java.util.List;
import java.util.Set;

import cn.lishui.police.overseas.station.StationDemoData;
import cn.lishui.police.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The epidemic-time aid of the issue, replayed through the real workflow: 9,000 masks and 138,000 packs of
 * traditional Chinese medicine donated, asked for by the demo stations, allocated, shipped and received
 * (every request COMPLETE, nothing left on hand). Written after the demo stations, only into an empty store.
 */
@Component
@Order(StationDemoData.ORDER + 1)
@ConditionalOnBooleanProperty("fengqiao.demo-data.enabled")
class AidDemoData implements ApplicationRunner {

    static final long MASKS = 9_000;
    static final long TCM_PACKS = 138_000;

    private static final Logger log = LoggerFactory.getLogger(AidDemoData.class);
    private static final Caller DEMO = new Caller("demo-data", "demo-data", Set.of("ADMIN"), "331121", null, null);

    private final MongoTemplate mongo;
    private final Donations donations;
    private final AidRequests requests;
    private final Shipments shipments;

    AidDemoData(MongoTemplate mongo, Donations donations, AidRequests requests, Shipments shipments) {
        this.mongo = mongo;
        this.donations = donations;
        this.requests = requests;
        this.shipments = shipments;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(new Query(), Donation.class)) {
            log.info("Demo aid not written: the store already has donations");
            return;
        }
        donations.donate(new AidCommands.Donate("丽水市公安局", AidCommands.DonorKind.GOVERNMENT,
                List.of(new ItemLine(ItemType.MASK, MASKS)), "疫情期间捐赠海外侨胞的口罩"), DEMO);
        donations.donate(new AidCommands.Donate("青田县中医院", AidCommands.DonorKind.GOVERNMENT,
                List.of(new ItemLine(ItemType.TCM_PACK, 100_000)), "抗疫中药包"), DEMO);
        donations.donate(new AidCommands.Donate("青田县华侨联合会", AidCommands.DonorKind.ASSOCIATION,
                List.of(new ItemLine(ItemType.TCM_PACK, 38_000)), "抗疫中药包"), DEMO);

        List<String> stations = StationDemoData.ids();
        // masks to the first 9 stations (1,000 each), TCM packs to 23 stations (6,000 each)
        for (int i = 0; i < stations.size(); i++) {
            long masks = i < 9 ? MASKS / 9 : 0;
            long tcm = i < 23 ? TCM_PACKS / 23 : 0;
            if (masks == 0 && tcm == 0) {
                continue;
            }
            List<ItemLine> items = masks > 0 && tcm > 0
                    ? List.of(new ItemLine(ItemType.MASK, masks), new ItemLine(ItemType.TCM_PACK, tcm))
                    : List.of(masks > 0 ? new ItemLine(ItemType.MASK, masks) : new ItemLine(ItemType.TCM_PACK, tcm));
            String station = stations.get(i);
            AidRequest request = requests.request(new AidCommands.RequestAid(station, null,
                    AidType.MEDICINE_TCM, Priority.URGENT, "疫情防护物资：口罩与中药包", items), DEMO);
            requests.allocate(request.id(), new AidCommands.Allocate(items), DEMO);
            Shipment shipment = shipments.create(new AidCommands.Ship(station, "中国邮政 EMS",
                    "EMS-DEMO-" + (i + 1), items.stream().map(line -> new ShipmentLine(request.id(), line.itemType(),
                    line.quantity())).toList()), DEMO);
            shipments.act(shipment.id(), ShipmentStatus.Action.SEND, null, DEMO);
            shipments.act(shipment.id(), ShipmentStatus.Action.TRANSIT, null, DEMO);
            shipments.act(shipment.id(), ShipmentStatus.Action.RECEIVE, "驿站已签收", DEMO);
        }
        log.info("Demo aid written: {} masks and {} TCM packs donated, shipped and received", MASKS, TCM_PACKS);
    }
}
