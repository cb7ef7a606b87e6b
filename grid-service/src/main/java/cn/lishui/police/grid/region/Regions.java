package cn.lishui.police.grid.region;

import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.stereotype.Service;

/** Reads of the administrative map. */
@Service
class Regions {

    private final RegionRepository repository;

    Regions(RegionRepository repository) {
        this.repository = repository;
    }

    List<Region> counties() {
        return repository.findByLevelOrderByCode(RegionLevel.COUNTY);
    }

    Region get(RegionCode code) {
        return repository.findById(code.value())
                .orElseThrow(() -> DomainException.notFound("REGION_NOT_FOUND", code.value()));
    }
}
