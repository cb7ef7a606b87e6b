package cn.lishui.police.overseas.station;

import java.util.List;

import cn.lishui.police.platform.region.LishuiCounty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo stations: 26 cities in 20 countries, mostly in Europe where most of 青田's emigrants live (public
 * reports describe 青田's 警侨驿站 in 26 cities of 20 countries). Host organisations are the kind of association
 * that hosts a station; names are illustrative. Written when {@code fengqiao.demo-data.enabled} is true and the
 * store has no stations yet.
 */
@Component
@Order(StationDemoData.ORDER)
@ConditionalOnBooleanProperty("fengqiao.demo-data.enabled")
public class StationDemoData implements ApplicationRunner {

    public static final int ORDER = 10;

    private static final Logger log = LoggerFactory.getLogger(StationDemoData.class);

    /** id suffix, country, city, zone, host organisation, languages besides Chinese. */
    record Demo(String id, String country, String city, String zone, String host, String language) {
    }

    static final List<Demo> STATIONS = List.of(
            new Demo("it-milano", "IT", "Milano", "Europe/Rome", "意大利米兰华侨华人工商会", "it"),
            new Demo("it-roma", "IT", "Roma", "Europe/Rome", "意大利罗马华侨华人联谊总会", "it"),
            new Demo("it-prato", "IT", "Prato", "Europe/Rome", "意大利普拉托华商会", "it"),
            new Demo("it-firenze", "IT", "Firenze", "Europe/Rome", "意大利佛罗伦萨华侨华人联谊会", "it"),
            new Demo("es-madrid", "ES", "Madrid", "Europe/Madrid", "西班牙华侨华人协会", "es"),
            new Demo("es-barcelona", "ES", "Barcelona", "Europe/Madrid", "西班牙巴塞罗那华侨华人协会", "es"),
            new Demo("pt-lisboa", "PT", "Lisboa", "Europe/Lisbon", "葡萄牙华人华侨总会", "pt"),
            new Demo("pt-porto", "PT", "Porto", "Europe/Lisbon", "葡萄牙波尔图华人协会", "pt"),
            new Demo("nl-amsterdam", "NL", "Amsterdam", "Europe/Amsterdam", "荷兰华侨华人社团联合会", "nl"),
            new Demo("nl-rotterdam", "NL", "Rotterdam", "Europe/Amsterdam", "荷兰鹿特丹华人协会", "nl"),
            new Demo("fr-paris", "FR", "Paris", "Europe/Paris", "法国华侨华人会", "fr"),
            new Demo("de-frankfurt", "DE", "Frankfurt am Main", "Europe/Berlin", "德国法兰克福华侨华人联合会", "de"),
            new Demo("at-wien", "AT", "Wien", "Europe/Vienna", "奥地利华侨华人总会", "de"),
            new Demo("be-bruxelles", "BE", "Bruxelles", "Europe/Brussels", "比利时华侨华人联合会", "fr"),
            new Demo("ch-zurich", "CH", "Zürich", "Europe/Zurich", "瑞士华侨华人联合会", "de"),
            new Demo("gr-athina", "GR", "Athína", "Europe/Athens", "希腊华侨华人总商会", "el"),
            new Demo("hu-budapest", "HU", "Budapest", "Europe/Budapest", "匈牙利华侨华人联合总会", "hu"),
            new Demo("cz-praha", "CZ", "Praha", "Europe/Prague", "捷克华侨华人联合会", "cs"),
            new Demo("ro-bucuresti", "RO", "București", "Europe/Bucharest", "罗马尼亚华侨华人联合会", "ro"),
            new Demo("pl-warszawa", "PL", "Warszawa", "Europe/Warsaw", "波兰华侨华人联合会", "pl"),
            new Demo("rs-beograd", "RS", "Beograd", "Europe/Belgrade", "塞尔维亚华侨华人联合会", "sr"),
            new Demo("gb-london", "GB", "London", "Europe/London", "英国华侨华人联合会", "en"),
            new Demo("us-new-york", "US", "New York", "America/New_York", "美国纽约青田同乡会", "en"),
            new Demo("br-sao-paulo", "BR", "São Paulo", "America/Sao_Paulo", "巴西青田同乡会", "pt"),
            new Demo("ae-dubai", "AE", "Dubai", "Asia/Dubai", "阿联酋华侨华人联合会", "ar"),
            new Demo("za-johannesburg", "ZA", "Johannesburg", "Africa/Johannesburg", "南非青田同乡会", "en"));

    private final StationRegistry registry;
    private final StationRepository stations;

    StationDemoData(StationRegistry registry, StationRepository stations) {
        this.registry = registry;
        this.stations = stations;
    }

    /** The ids of the demo stations ({@code os-it-milano}, ...), for the other demo data sets. */
    public static List<String> ids() {
        return STATIONS.stream().map(demo -> "os-" + demo.id()).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (stations.count() > 0) {
            log.info("Demo stations not written: the store already has stations");
            return;
        }
        for (Demo demo : STATIONS) {
            OpenStationRequest request = new OpenStationRequest(demo.city() + "警侨驿站", demo.country(), demo.city(),
                    LishuiCounty.QINGTIAN, demo.zone(), demo.host(), null, null,
                    List.of("zh", "zh-wuu", demo.language()),
                    List.of(StationService.GLOBAL_SERVICES, StationService.VIDEO_IDENTITY_CHECK,
                            StationService.PROXY_HANDLING, StationService.AID_DISTRIBUTION,
                            StationService.FAMILY_CARE, StationService.DISPUTE_MEDIATION));
            stations.save(registry.newStation("os-" + demo.id(), request, "demo-data"));
        }
        log.info("Demo stations written: {} cities in {} countries", STATIONS.size(),
                STATIONS.stream().map(Demo::country).distinct().count());
    }
}
