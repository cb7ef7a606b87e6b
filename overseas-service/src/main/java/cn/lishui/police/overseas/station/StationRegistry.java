package cn.lishui.police.overseas.station;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** The registry of overseas stations; other features ask it whether a station exists and is open. */
@Service
public class StationRegistry {

    private final StationRepository stations;
    private final PersonalDataProtector protector;
    private final Clock clock;

    StationRegistry(StationRepository stations, PersonalDataProtector protector, ObjectProvider<Clock> clock) {
        this.stations = stations;
        this.protector = protector;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What other features need to know of a station. */
    public record StationRef(String id, String name, String country, String city, String timeZone, boolean active) {
    }

    Station open(OpenStationRequest request) {
        return stations.save(newStation(null, request, Caller.current().subject()));
    }

    Station newStation(String id, OpenStationRequest request, String openedBy) {
        return new Station(id, request.name().strip(), request.country(), request.city().strip(),
                zoneOf(request.timeZone()), request.homeCountyCode(), blankToNull(request.hostOrganisation()),
                protector.protect(PersonalDataKind.NAME, blankToNull(request.contactName())),
                protector.protect(PersonalDataKind.PHONE, blankToNull(request.contactPhone())),
                request.languages() == null ? List.of() : request.languages().stream().distinct().toList(),
                request.services() == null ? List.of() : request.services().stream().distinct().toList(), openedBy);
    }

    Station setActive(String id, boolean active) {
        Station station = byId(id);
        station.activate(active);
        return stations.save(station);
    }

    Station byId(String id) {
        return stations.findById(id).orElseThrow(() -> DomainException.notFound("STATION_NOT_FOUND", id));
    }

    Page<Station> list(String country, Boolean active, Pageable pageable) {
        if (country == null) {
            return active == null ? stations.findAll(pageable) : stations.findByActive(active, pageable);
        }
        return active == null ? stations.findByCountry(country, pageable)
                : stations.findByCountryAndActive(country, active, pageable);
    }

    Instant now() {
        return clock.instant();
    }

    public Optional<StationRef> find(String id) {
        return id == null ? Optional.empty() : stations.findById(id).map(StationRegistry::ref);
    }

    /** The station a request names: 422 STATION_NOT_FOUND when unknown, 409 STATION_INACTIVE when closed. */
    public StationRef requireActive(String id) {
        StationRef station = find(id).orElseThrow(() -> DomainException.unprocessable("STATION_NOT_FOUND", id));
        if (!station.active()) {
            throw DomainException.conflict("STATION_INACTIVE", id);
        }
        return station;
    }

    /** How many active stations, in how many countries and cities. */
    public record Coverage(long stations, long countries, long cities) {
    }

    public Coverage coverage() {
        List<Station> active = stations.findByActive(true, Pageable.unpaged()).getContent();
        return new Coverage(active.size(), active.stream().map(Station::country).distinct().count(),
                active.stream().map(s -> s.country() + "/" + s.city()).distinct().count());
    }

    private static StationRef ref(Station s) {
        return new StationRef(s.id(), s.name(), s.country(), s.city(), s.timeZone(), s.active());
    }

    private static String zoneOf(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            throw DomainException.badRequest("TIME_ZONE_REQUIRED");
        }
        try {
            // region ids only ("Europe/Rome"): offsets like "+01:00" do not follow daylight saving
            ZoneId zone = ZoneId.of(timeZone.strip());
            if (!ZoneId.getAvailableZoneIds().contains(zone.getId())) {
                throw DomainException.badRequest("INVALID_TIME_ZONE", timeZone);
            }
            return zone.getId();
        } catch (DateTimeException e) {
            throw DomainException.badRequest("INVALID_TIME_ZONE", timeZone);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
