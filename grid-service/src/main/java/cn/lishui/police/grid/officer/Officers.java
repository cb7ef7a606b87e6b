package cn.lishui.police.grid.officer;

import java.util.List;
import java.util.UUID;

import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.security.Caller;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Officers and their assignments to villages (chiefs) and grids (grid officer). */
@Service
class Officers {

    private final MongoTemplate mongo;
    private final MapDirectory map;
    private final PersonalDataProtector protector;
    private final Assignments assignments;

    Officers(MongoTemplate mongo, MapDirectory map, PersonalDataProtector protector, Assignments assignments) {
        this.mongo = mongo;
        this.assignments = assignments;
        this.map = map;
        this.protector = protector;
    }

    Officer register(NewOfficer command) {
        String county = Stations.countyOf(command.stationId());
        if (command.nativeVillageCode() != null && !map.isVillage(command.nativeVillageCode())) {
            throw DomainException.unprocessable("NOT_A_VILLAGE", command.nativeVillageCode());
        }
        return mongo.insert(new Officer(UUID.randomUUID().toString(), command.name().strip(), command.kind(),
                command.stationId(), county, command.nativeVillageCode(),
                protector.protect(PersonalDataKind.PHONE, command.contactPhone()),
                command.account() == null || command.account().isBlank() ? null : command.account().strip(), null));
    }

    Officer get(String id) {
        Officer officer = mongo.findById(id, Officer.class);
        if (officer == null) {
            throw DomainException.notFound("OFFICER_NOT_FOUND", id);
        }
        return officer;
    }

    /**
     * The officer a token speaks for: the officer whose id is the token's subject, else the one whose
     * account is the subject or the username.
     */
    Officer ofCaller(Caller caller) {
        return assignments.find(caller)
                .orElseThrow(() -> DomainException.notFound("NOT_AN_OFFICER", caller.subject()));
    }

    /** The villages where the officer is one of the chiefs. */
    List<MapDirectory.Place> villagesOf(Officer officer) {
        List<String> codes = mongo.find(Query.query(Criteria.where("chiefs.officerId").is(officer.id())),
                VillageChiefs.class).stream().map(VillageChiefs::villageCode).toList();
        return map.regions(codes);
    }

    /** The grids the officer is the grid officer of. */
    List<MapDirectory.GridPlace> gridsOf(Officer officer) {
        List<String> codes = mongo.find(Query.query(Criteria.where("officerId").is(officer.id())), GridOfficer.class)
                .stream().map(GridOfficer::gridCode).toList();
        return map.grids(codes);
    }

    VillageChiefs appointChief(String villageCode, String officerId) {
        if (!map.isVillage(villageCode)) {
            throw DomainException.notFound("REGION_NOT_FOUND", villageCode);
        }
        Officer officer = get(officerId);
        insideStationArea(officer, villageCode);
        VillageChiefs current = mongo.findById(villageCode, VillageChiefs.class);
        VillageChiefs chiefs = (current == null ? VillageChiefs.none(villageCode) : current).appoint(officer);
        return chiefs == current ? current : mongo.save(chiefs);
    }

    GridOfficer assignGridOfficer(String gridCode, String officerId) {
        String villageCode = map.villageOfGrid(gridCode)
                .orElseThrow(() -> DomainException.notFound("GRID_NOT_FOUND", gridCode));
        Officer officer = get(officerId);
        insideStationArea(officer, villageCode);
        GridOfficer current = mongo.findById(gridCode, GridOfficer.class);
        if (current != null) {
            if (current.officerId().equals(officerId)) {
                return current;
            }
            throw DomainException.conflict("GRID_ALREADY_COVERED", gridCode);
        }
        try {
            return mongo.insert(new GridOfficer(gridCode, officerId));
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("GRID_ALREADY_COVERED", gridCode);
        }
    }

    private static void insideStationArea(Officer officer, String regionCode) {
        if (!regionCode.startsWith(officer.countyCode())) {
            throw DomainException.conflict("OUTSIDE_STATION_AREA", officer.stationId(), regionCode);
        }
    }
}
