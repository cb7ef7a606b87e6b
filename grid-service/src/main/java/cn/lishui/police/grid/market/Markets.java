package cn.lishui.police.grid.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.lishui.police.grid.access.CallerArea;
import cn.lishui.police.grid.officer.Assignments;
import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Market-day policing (赶街警务) and backpack policing points (背包警务). */
@Service
class Markets {

    static final int MAX_RANGE_DAYS = 366;

    record NewMarket(@NotBlank @Size(max = 50) String name,
                     @NotNull @Pattern(regexp = "\\d{12}", message = "{grid.villageCode.format}") String villageCode,
                     @NotNull @Valid MarketSchedule schedule,
                     @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 50) String> services,
                     @NotEmpty @Size(max = 50) List<@NotBlank String> officerIds,
                     @Min(1) @Max(10) int stallsPerDay) {
    }

    record NewBackpackPoint(@NotBlank @Size(max = 50) String name,
                            @NotNull @Pattern(regexp = "\\d{12}", message = "{grid.villageCode.format}") String villageCode,
                            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 50) String> services,
                            @NotEmpty Set<DayOfWeek> visitDays, @Size(max = 50) String hours,
                            @Size(max = 64) String officerId) {
    }

    /** One market day: its lunar date and the officers at the stall. */
    record MarketDay(LocalDate date, MarketSchedule.LunarDate lunar, List<Market.StallOfficer> stalls,
                     List<String> services) {
    }

    private final MongoTemplate mongo;
    private final MapDirectory map;
    private final Assignments assignments;

    Markets(MongoTemplate mongo, MapDirectory map, Assignments assignments) {
        this.mongo = mongo;
        this.map = map;
        this.assignments = assignments;
    }

    Market create(NewMarket command, Caller caller) {
        MapDirectory.Place village = village(command.villageCode(), caller);
        if (!command.schedule().valid()) {
            throw DomainException.badRequest("INVALID_MARKET_SCHEDULE");
        }
        List<Market.StallOfficer> officers = new ArrayList<>();
        for (String id : command.officerIds().stream().distinct().toList()) {
            Assignments.AssignedOfficer officer = assignments.officer(id)
                    .orElseThrow(() -> DomainException.unprocessable("OFFICER_NOT_FOUND", id));
            officers.add(new Market.StallOfficer(officer.id(), officer.name()));
        }
        return mongo.insert(new Market(UUID.randomUUID().toString(), command.name().strip(), village.code(),
                village.parentCode(), village.code().substring(0, 6), command.schedule(),
                command.services().stream().map(String::strip).toList(), officers,
                Math.min(command.stallsPerDay(), officers.size()), null));
    }

    Market market(String id, Caller caller) {
        Market market = mongo.findById(id, Market.class);
        if (market == null || !CallerArea.covers(caller, market.countyCode())) {
            throw DomainException.notFound("MARKET_NOT_FOUND", id);
        }
        return market;
    }

    List<Market> markets(String county, Caller caller) {
        return mongo.find(Query.query(area(county, caller)).with(Sort.by("townCode", "name")), Market.class);
    }

    /** The market days in a range with the stall roster: the officers rotate by date through the pool. */
    List<MarketDay> days(String id, LocalDate from, LocalDate to, Caller caller) {
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw DomainException.badRequest("INVALID_PERIOD", MAX_RANGE_DAYS);
        }
        Market market = market(id, caller);
        List<MarketDay> days = new ArrayList<>();
        int pool = market.officers().size();
        for (LocalDate date : market.schedule().dates(from, to)) {
            List<Market.StallOfficer> stalls = new ArrayList<>();
            long start = Math.floorMod(date.toEpochDay() * market.stallsPerDay(), (long) pool);
            for (int k = 0; k < market.stallsPerDay(); k++) {
                stalls.add(market.officers().get((int) ((start + k) % pool)));
            }
            days.add(new MarketDay(date, MarketSchedule.lunar(date), stalls, market.services()));
        }
        return days;
    }

    BackpackPoint createPoint(NewBackpackPoint command, Caller caller) {
        MapDirectory.Place village = village(command.villageCode(), caller);
        Assignments.AssignedOfficer officer = null;
        if (command.officerId() != null && !command.officerId().isBlank()) {
            officer = assignments.officer(command.officerId())
                    .orElseThrow(() -> DomainException.unprocessable("OFFICER_NOT_FOUND", command.officerId()));
        }
        return mongo.insert(new BackpackPoint(UUID.randomUUID().toString(), command.name().strip(), village.code(),
                village.parentCode(), village.code().substring(0, 6),
                command.services().stream().map(String::strip).toList(), EnumSet.copyOf(command.visitDays()),
                command.hours(), officer == null ? null : officer.id(), officer == null ? null : officer.name()));
    }

    List<BackpackPoint> points(String county, Caller caller) {
        return mongo.find(Query.query(area(county, caller)).with(Sort.by("townCode", "villageCode", "name")),
                BackpackPoint.class);
    }

    BackpackPoint point(String id, Caller caller) {
        BackpackPoint point = mongo.findById(id, BackpackPoint.class);
        if (point == null || !CallerArea.covers(caller, point.countyCode())) {
            throw DomainException.notFound("BACKPACK_POINT_NOT_FOUND", id);
        }
        return point;
    }

    private MapDirectory.Place village(String code, Caller caller) {
        MapDirectory.Place village = map.village(code)
                .orElseThrow(() -> DomainException.unprocessable("VILLAGE_NOT_FOUND", code));
        if (!CallerArea.covers(caller, code.substring(0, 6))) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", code);
        }
        return village;
    }

    private static Criteria area(String county, Caller caller) {
        Optional<String> own = CallerArea.countyOf(caller);
        if (own.isPresent() && county != null && !own.get().equals(county)) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", county);
        }
        String scope = county != null ? county : own.orElse(null);
        return scope == null ? new Criteria() : Criteria.where("countyCode").is(scope);
    }
}
