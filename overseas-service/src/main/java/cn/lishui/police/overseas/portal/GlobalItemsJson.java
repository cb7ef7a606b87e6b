package cn.lishui.police.overseas.portal;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.overseas.client.PublicServiceClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The global list's answer body, written once per version of the list instead of once per request: the same
 * {@link PortalController.GlobalItems} written by the application's own {@link JsonMapper} (the one Spring MVC
 * writes answers with), so the bytes are those a per-request write gave. A version is the list's items and its
 * {@code fetchedAt}; the two bodies of a version (fresh and {@code stale}) are written when it is first served.
 * The body does not depend on the caller or on {@code Accept-Language} (items carry {@code name} and
 * {@code nameEn}). Writing the 45 items was about a fifth of overseas' samples per request (session 5's JFR).
 */
@Component
class GlobalItemsJson {

    private record Version(List<PublicServiceClient.Item> items, Instant fetchedAt, byte[] fresh, byte[] stale) {
    }

    private final JsonMapper json;
    private volatile Version last;

    GlobalItemsJson(JsonMapper json) {
        this.json = json;
    }

    /** The JSON of the listing; written again only when the list or its {@code fetchedAt} changed. */
    byte[] of(GlobalServiceList.Listing listing) {
        Version version = last;
        if (version == null || version.items() != listing.items() || !version.fetchedAt().equals(listing.fetchedAt())) {
            version = new Version(listing.items(), listing.fetchedAt(), write(listing, false), write(listing, true));
            last = version;
        }
        return listing.stale() ? version.stale() : version.fresh();
    }

    private byte[] write(GlobalServiceList.Listing listing, boolean stale) {
        return json.writeValueAsBytes(new PortalController.GlobalItems(listing.items(), listing.items().size(),
                listing.fetchedAt(), stale));
    }
}
