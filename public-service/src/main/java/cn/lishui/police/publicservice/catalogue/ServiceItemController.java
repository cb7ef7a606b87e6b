package cn.lishui.police.publicservice.catalogue;

import java.time.Duration;

import jakarta.validation.constraints.Size;
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
 * the suite's journeys already read it. Reads are cacheable for five minutes and carry strong ETags (the
 * detail's from the catalogue version and the item's version, the list's from its content, see CatalogueCaching).
 */
@RestController
class ServiceItemController {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(300)).cachePublic();

    private final ServiceItemCatalogue catalogue;

    ServiceItemController(ServiceItemCatalogue catalogue) {
        this.catalogue = catalogue;
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
        return ResponseEntity.ok().cacheControl(CACHE)
                .body(catalogue.search(filter, pageable).map(ServiceItemView::of));
    }

    @GetMapping({"/api/public/items/{code}", "/api/public/service-items/{code}"})
    ResponseEntity<ServiceItemView> get(@PathVariable String code) {
        ServiceItem item = catalogue.byCode(code);
        String etag = "\"" + catalogue.version() + "-" + item.code() + "-" + item.version() + "\"";
        // a matching If-None-Match turns this into 304 Not Modified (HttpEntityMethodProcessor)
        return ResponseEntity.ok().cacheControl(CACHE).eTag(etag).body(ServiceItemView.of(item));
    }
}
