package cn.lishui.police.grid.policeoffice;

import java.util.List;
import java.util.UUID;

import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.grid.region.RegionLevel;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
class PoliceOffices {

    private final MongoTemplate mongo;
    private final MapDirectory map;

    PoliceOffices(MongoTemplate mongo, MapDirectory map) {
        this.mongo = mongo;
        this.map = map;
    }

    PoliceOffice create(NewPoliceOffice command) {
        RegionLevel level = map.levelOf(command.regionCode())
                .orElseThrow(() -> DomainException.unprocessable("REGION_NOT_FOUND", command.regionCode()));
        if (level == RegionLevel.COUNTY) {
            throw DomainException.unprocessable("NOT_A_TOWN_OR_VILLAGE", command.regionCode());
        }
        List<NewPoliceOffice.Hours> hours = command.openingHours() == null ? List.of() : command.openingHours();
        for (NewPoliceOffice.Hours h : hours) {
            if (!h.closes().isAfter(h.opens())) {
                throw DomainException.unprocessable("INVALID_OPENING_HOURS", h.day(), h.opens(), h.closes());
            }
        }
        return mongo.insert(new PoliceOffice(UUID.randomUUID().toString(), command.name().strip(),
                command.regionCode(), level, command.regionCode().substring(0, 6), command.address(), command.phone(),
                java.util.EnumSet.copyOf(command.functions()),
                hours.stream().map(h -> new PoliceOffice.OpeningHours(h.day(), h.opens(), h.closes())).toList(),
                command.mediationOrganisationIds() == null ? List.of() : List.copyOf(command.mediationOrganisationIds()),
                command.rescueTeamIds() == null ? List.of() : List.copyOf(command.rescueTeamIds()), null));
    }

    PoliceOffice get(String id) {
        PoliceOffice office = mongo.findById(id, PoliceOffice.class);
        if (office == null) {
            throw DomainException.notFound("POLICE_OFFICE_NOT_FOUND", id);
        }
        return office;
    }

    /** Offices of a region (exact town or village code, or a county), optionally offering a function. */
    Page<PoliceOffice> find(String regionCode, String county, OfficeFunction function, Pageable pageable) {
        Criteria criteria = new Criteria();
        if (regionCode != null) {
            criteria.and("regionCode").is(regionCode);
        }
        if (county != null) {
            criteria.and("countyCode").is(county);
        }
        if (function != null) {
            criteria.and("functions").is(function);
        }
        Query query = Query.query(criteria);
        return MongoPages.find(mongo, query, pageable, Sort.by("regionCode", "name"), PoliceOffice.class);
    }
}
