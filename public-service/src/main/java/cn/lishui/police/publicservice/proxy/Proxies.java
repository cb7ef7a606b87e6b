package cn.lishui.police.publicservice.proxy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;
import cn.lishui.police.publicservice.catalogue.CatalogueEntry;
import cn.lishui.police.publicservice.catalogue.ServiceItemCatalogue;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Proxies (代办): compatriots authorise overseas stations; applications check them. */
@Service
public class Proxies {

    private final ProxyRepository proxies;
    private final ServiceItemCatalogue catalogue;

    Proxies(ProxyRepository proxies, ServiceItemCatalogue catalogue) {
        this.proxies = proxies;
        this.catalogue = catalogue;
    }

    /** The compatriot authorises the station for global items only. */
    Proxy authorise(Caller compatriot, ProxyCommands.Authorise command) {
        List<String> codes = command.itemCodes().stream().distinct().toList();
        for (String code : codes) {
            CatalogueEntry item = catalogue.guideOf(code);
            if (!item.global()) {
                throw DomainException.unprocessable("ITEM_NOT_GLOBAL", code);
            }
        }
        return proxies.save(new Proxy(null, compatriot.subject(), command.stationId(), codes, command.validUntil(),
                null));
    }

    /** The compatriot's own proxies; station staff see those given to their station. */
    Page<Proxy> list(Caller caller, Pageable pageable) {
        if (caller.hasRole("COMPATRIOT") || caller.stationId() == null) {
            return proxies.findByCompatriotId(caller.subject(), pageable);
        }
        return proxies.findByStationId(caller.stationId(), pageable);
    }

    /**
     * The id of a proxy by which {@code stationId} may apply for {@code itemCode} for {@code compatriotId} now;
     * 403 NO_PROXY when there is none (or it has expired).
     */
    public String requireValidProxy(String compatriotId, String stationId, String itemCode, Instant now) {
        Optional<Proxy> proxy = stationId == null ? Optional.empty()
                : proxies.findByCompatriotIdAndStationId(compatriotId, stationId).stream()
                        .filter(candidate -> candidate.covers(stationId, itemCode, now)).findFirst();
        return proxy.map(Proxy::id)
                .orElseThrow(() -> DomainException.forbidden("NO_PROXY", compatriotId, itemCode));
    }
}
