package cn.lishui.police.grid.resident;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.lishui.police.grid.access.CallerArea;
import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.personaldata.IdCardNumber;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.personaldata.PersonalDataReveals;
import cn.lishui.police.platform.personaldata.RevealRecord;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Registration of residents and floating residents, their expiring registrations, and lookups. */
@Service
class Residents {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    static final int MAX_DAYS = 366;
    static final int MIN_PURPOSE_LENGTH = 4;
    static final String RECORD_TYPE = "resident";

    private final MongoTemplate mongo;
    private final MapDirectory map;
    private final PersonalDataProtector protector;
    private final PersonalDataReveals reveals;
    private final Clock clock;

    Residents(MongoTemplate mongo, MapDirectory map, PersonalDataProtector protector, PersonalDataReveals reveals,
              ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.map = map;
        this.protector = protector;
        this.reveals = reveals;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        mongo.indexOps(Resident.class).createIndex(new Index().on("personInVillage", Sort.Direction.ASC).unique());
    }

    Resident register(NewResident command, Caller caller) {
        IdCardNumber idCard = IdCardNumber.of(command.idCardNumber());
        String villageCode = villageOf(command);
        String county = villageCode.substring(0, 6);
        if (!CallerArea.covers(caller, county)) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", villageCode);
        }
        LocalDate expiry = null;
        if (command.kind() == ResidentKind.FLOATING) {
            if (command.registrationExpiry() == null) {
                throw DomainException.badRequest("REGISTRATION_EXPIRY_REQUIRED");
            }
            if (command.registrationExpiry().isBefore(command.moveInDate())) {
                throw DomainException.unprocessable("REGISTRATION_EXPIRY_BEFORE_MOVE_IN");
            }
            expiry = command.registrationExpiry();
        }
        String personInVillage = villageCode + ":" + protector.blindIndex(PersonalDataKind.ID_CARD, idCard.value());
        if (mongo.exists(Query.query(Criteria.where("personInVillage").is(personInVillage)), Resident.class)) {
            throw DomainException.conflict("RESIDENT_ALREADY_REGISTERED", villageCode);
        }
        Resident resident = new Resident(UUID.randomUUID().toString(), command.kind(), command.name().strip(),
                protector.protect(idCard),
                command.phone() == null ? null : protector.protect(PersonalDataKind.PHONE, command.phone()),
                protector.protect(PersonalDataKind.ADDRESS, command.address().strip()), villageCode,
                command.gridCode(), county, command.moveInDate(), expiry, personInVillage, caller.subject(),
                clock.instant(), null);
        try {
            return mongo.insert(resident);
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("RESIDENT_ALREADY_REGISTERED", villageCode);
        }
    }

    private String villageOf(NewResident command) {
        if (command.gridCode() != null) {
            String village = map.villageOfGrid(command.gridCode())
                    .orElseThrow(() -> DomainException.unprocessable("GRID_NOT_FOUND", command.gridCode()));
            if (command.villageCode() != null && !command.villageCode().equals(village)) {
                throw DomainException.unprocessable("GRID_NOT_IN_VILLAGE", command.gridCode(), command.villageCode());
            }
            return village;
        }
        if (command.villageCode() == null) {
            throw DomainException.badRequest("RESIDENT_PLACE_REQUIRED");
        }
        if (!map.isVillage(command.villageCode())) {
            throw DomainException.unprocessable("NOT_A_VILLAGE", command.villageCode());
        }
        return command.villageCode();
    }

    /** A resident the caller may see; others are not found, so their existence does not leak. */
    Resident get(String id, Caller caller) {
        Resident resident = mongo.findById(id, Resident.class);
        if (resident == null || !CallerArea.covers(caller, resident.countyCode())) {
            throw DomainException.notFound("RESIDENT_NOT_FOUND", id);
        }
        return resident;
    }

    /** Floating registrations expiring from today to today + days, in the caller's area, soonest first. */
    Page<Resident> expiring(int days, Caller caller, Pageable pageable) {
        if (days < 0 || days > MAX_DAYS) {
            throw DomainException.badRequest("INVALID_DAYS", MAX_DAYS);
        }
        LocalDate today = LocalDate.now(clock.withZone(LOCAL));
        Criteria criteria = Criteria.where("kind").is(ResidentKind.FLOATING)
                .and("registrationExpiry").gte(today).lte(today.plusDays(days));
        Optional<String> county = CallerArea.countyOf(caller);
        county.ifPresent(code -> criteria.and("countyCode").is(code));
        Query query = Query.query(criteria);
        return MongoPages.find(mongo, query, pageable, Sort.by("registrationExpiry", "id"), Resident.class);
    }

    /** Floating registrations of a county expiring from today to today + days: for metrics. */
    long expiringCount(String county, int days) {
        LocalDate today = LocalDate.now(clock.withZone(LOCAL));
        return mongo.count(Query.query(Criteria.where("kind").is(ResidentKind.FLOATING).and("countyCode").is(county)
                .and("registrationExpiry").gte(today).lte(today.plusDays(days))), Resident.class);
    }

    /**
     * The residents registered under an ID-card number, found through the blind index. Every lookup
     * is audited, with or without a hit.
     */
    List<Resident> lookup(String idCardNumber, String purpose, Caller caller) {
        IdCardNumber idCard = IdCardNumber.of(idCardNumber);
        if (purpose == null || purpose.strip().length() < MIN_PURPOSE_LENGTH) {
            throw DomainException.badRequest("PERSONAL_DATA_PURPOSE_REQUIRED", MIN_PURPOSE_LENGTH);
        }
        List<Resident> found = mongo.find(Query.query(Criteria.where("idCard.blindIndex")
                .is(protector.blindIndex(PersonalDataKind.ID_CARD, idCard.value()))), Resident.class);
        if (found.isEmpty()) {
            mongo.insert(new RevealRecord(null, caller.subject(), Set.copyOf(caller.roles()), clock.instant(),
                    RECORD_TYPE + "-lookup", null, PersonalDataKind.ID_CARD, purpose.strip(), null));
        }
        for (Resident resident : found) {
            reveals.reveal(resident.idCard(), request(caller, RECORD_TYPE + "-lookup", resident.id(), purpose));
        }
        return found;
    }

    /** The ID-card number in clear, audited. */
    String revealIdCard(String id, String purpose, Caller caller) {
        Resident resident = get(id, caller);
        return reveals.reveal(resident.idCard(), request(caller, RECORD_TYPE, resident.id(), purpose));
    }

    private static PersonalDataReveals.Request request(Caller caller, String type, String id, String purpose) {
        return new PersonalDataReveals.Request(caller.subject(), caller.roles(), type, id, purpose);
    }
}
