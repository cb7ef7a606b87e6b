package cn.lishui.police.publicservice.catalogue;

import java.time.Duration;

import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.SortDefault;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue of service items, readable by anyone without a token (fengqiao.security.public-paths), at
 * {@code /api/public/items} as issue 7 names it and at {@code /api/public/service-items} where the gateway and
 * the suite's journeys already read it. Reads say {@code Cache-Control: public, max-age=N} with N from
 * {@code fengqiao.public.catalogue.max-age} (30 s by default: a change to the catalogue shows through the gateway's
 * cache and any other shared cache within N) and carry strong ETags (the detail's from the catalogue version and
 * the item's version, the list's from its content, see CatalogueCaching), so If-None-Match gets 304.
 */
@RestController
class ServiceItemController {

    private final ServiceItemCatalogue catalogue;
    private final CacheControl cache;

    ServiceItemController(ServiceItemCatalogue catalogue,
                          @Value("${fengqiao.public.catalogue.max-age:30s}") Duration maxAge) {
        this.catalogue = catalogue;
        this.cache = CacheControl.maxAge(maxAge).cachePublic();
    }

    @GetMapping({"/api/public/items", "/api/public/service-items"})
    ResponseEntity<Page<ServiceItemView>> list(@RequestParam(required = false) Department department,
                                               @RequestParam(required = false) Channel channel,
                                               @RequestParam(required = false) Boolean online,
                                               @RequestParam(required = false) Boolean mobile,
                                               @RequestParam(required = false) Boolean instant,
                                               @RequestParam(required = false) Boolean zeroVisit,
                                               @RequestParam(required = false) Boolean global,
                                               @RequestParam(required = false) @Size(max = 50) String q,
                                               @SortDefault("code") Pageable pageable) {
        ServiceItemFilter filter = new ServiceItemFilter(department, channel, online, mobile, instant, zeroVisit,
                global, q);
        return ResponseEntity.ok().cacheControl(cache)
                .body(catalogue.search(filter, pageable).map(ServiceItemView::of));
    }

    @GetMapping({"/api/public/items/{code}", "/api/public/service-items/{code}"})
    ResponseEntity<ServiceItemView> get(@PathVariable String code) {
        ServiceItem item = catalogue.byCode(code);
        String etag = "\"" + catalogue.version() + "-" + item.code() + "-" + item.version() + "\"";
        // a matching If-None-Match turns this into 304 Not Modified (HttpEntityMethodProcessor)
        return ResponseEntity.ok().cacheControl(cache).eTag(etag).body(ServiceItemView.of(item));
    }
}
