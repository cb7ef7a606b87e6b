package cn.lishui.police.overseas.station;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** The registry of overseas stations. */
@Service
class StationRegistry {

    private final StationRepository stations;

    StationRegistry(StationRepository stations) {
        this.stations = stations;
    }

    Station open(OpenStationRequest request) {
        String phone = request.contactPhone() == null || request.contactPhone().isBlank()
                ? null : request.contactPhone().strip();
        return stations.save(new Station(request.name().strip(), request.country(), request.city().strip(),
                request.homeCountyCode(), phone, Caller.current().subject()));
    }

    Station byId(String id) {
        return stations.findById(id).orElseThrow(() -> DomainException.notFound("STATION_NOT_FOUND", id));
    }

    Page<Station> list(String country, Pageable pageable) {
        return country == null ? stations.findAll(pageable) : stations.findByCountry(country, pageable);
    }
}
