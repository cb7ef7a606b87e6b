package cn.lishui.police.overseas.stats;

import java.util.Map;

import cn.lishui.police.overseas.aid.AidStatistics;
import cn.lishui.police.overseas.compatriot.Compatriots;
import cn.lishui.police.overseas.portal.PortalStatistics;
import cn.lishui.police.overseas.station.StationRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The overseas KPIs (警侨驿站 in numbers): counts only, no personal data, readable without a token. */
@RestController
class OverviewController {

    record Overview(long stations, long countries, long cities, long compatriots, Map<String, Long> aidRequests,
                    Map<String, Long> itemsDonated, Map<String, Long> itemsShipped, Map<String, Long> itemsReceived,
                    Map<String, Long> itemsOnHand, Map<String, Long> portalApplications) {
    }

    private final StationRegistry stations;
    private final Compatriots compatriots;
    private final AidStatistics aid;
    private final PortalStatistics portal;

    OverviewController(StationRegistry stations, Compatriots compatriots, AidStatistics aid, PortalStatistics portal) {
        this.stations = stations;
        this.compatriots = compatriots;
        this.aid = aid;
        this.portal = portal;
    }

    @GetMapping("/api/overseas/stats/overview")
    Overview overview() {
        StationRegistry.Coverage coverage = stations.coverage();
        AidStatistics.ItemTotals items = aid.items();
        return new Overview(coverage.stations(), coverage.countries(), coverage.cities(), compatriots.count(),
                aid.requestsByStatus(), items.donated(), items.shipped(), items.received(), items.onHand(),
                portal.applicationsByState());
    }
}
