package cn.lishui.police.publicservice.catalogue;

import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.SortDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue of service items, readable by anyone without a token (fengqiao.security.public-paths). */
@RestController
@RequestMapping("/api/public/service-items")
class ServiceItemController {

    private final ServiceItemCatalogue catalogue;

    ServiceItemController(ServiceItemCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    Page<ServiceItemView> list(@RequestParam(required = false) Department department,
                               @RequestParam(required = false) Boolean global,
                               @RequestParam(required = false) @Size(max = 50) String q,
                               @SortDefault("code") Pageable pageable) {
        return catalogue.search(new ServiceItemFilter(department, global, q), pageable).map(ServiceItemView::of);
    }

    @GetMapping("/{code}")
    ServiceItemView get(@PathVariable String code) {
        return ServiceItemView.of(catalogue.byCode(code));
    }
}
