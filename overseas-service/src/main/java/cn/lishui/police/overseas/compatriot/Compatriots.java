package cn.lishui.police.overseas.compatriot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.lishui.police.overseas.access.Staff;
import cn.lishui.police.overseas.station.StationRegistry;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.personaldata.IdCardNumber;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.personaldata.PersonalDataReveals;
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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The compatriot registry: registration (self or by station staff), who sees whom, and the passport reveal. */
@Service
public class Compatriots {

    static final String RECORD_TYPE = "compatriot";

    private final MongoTemplate mongo;
    private final StationRegistry stations;
    private final VillageCheck villages;
    private final PersonalDataProtector protector;
    private final PersonalDataReveals reveals;
    private final CompatriotMetrics metrics;
    private final VillageVerificationQueue verifications;
    private final Clock clock;

    Compatriots(MongoTemplate mongo, StationRegistry stations, VillageCheck villages, PersonalDataProtector protector,
                PersonalDataReveals reveals, CompatriotMetrics metrics, VillageVerificationQueue verifications,
                ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.verifications = verifications;
        this.stations = stations;
        this.villages = villages;
        this.protector = protector;
        this.reveals = reveals;
        this.metrics = metrics;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        // one registration per passport, found by its blind index (never by the plaintext)
        mongo.indexOps(Compatriot.class).createIndex(new Index().on("passport.blindIndex", Sort.Direction.ASC)
                .unique().named("passport_blind_index"));
    }

    /** What other features (aid, portal, care visits) need to know of a compatriot. */
    public record Profile(String id, String subject, String name, String stationId, String countryOfResidence,
                          String homeVillageCode, VillageStatus villageStatus, boolean familyConsent) {
    }

    Compatriot register(RegisterCompatriot command, Caller caller) {
        boolean self = caller.hasRole("COMPATRIOT") && !Staff.atAStation(caller);
        if (!self && !Staff.ofStation(caller, command.stationId())) {
            throw DomainException.forbidden("FORBIDDEN");
        }
        stations.requireActive(command.stationId());
        String passportCountry = command.passportCountry() == null ? "CN" : command.passportCountry();
        PassportNumber passport = PassportNumber.of(command.passportNumber(), passportCountry);
        IdCardNumber idCard = command.idCardNumber() == null || command.idCardNumber().isBlank() ? null
                : IdCardNumber.of(command.idCardNumber());
        if (!command.familyOrEmpty().isEmpty() && !Boolean.TRUE.equals(command.familyConsent())) {
            throw DomainException.unprocessable("FAMILY_CONSENT_REQUIRED");
        }
        String subject = self ? caller.subject() : blankToNull(command.accountSubject());
        if (subject != null && mongo.exists(Query.query(Criteria.where("subject").is(subject)), Compatriot.class)) {
            throw DomainException.conflict("COMPATRIOT_ALREADY_REGISTERED");
        }
        String passportIndex = protector.blindIndex(PersonalDataKind.PASSPORT, passport.value());
        if (mongo.exists(Query.query(Criteria.where("passport.blindIndex").is(passportIndex)), Compatriot.class)) {
            throw DomainException.conflict("PASSPORT_ALREADY_REGISTERED");
        }

        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        VillageStatus status;
        String villageName = null;
        Delivery check = null;
        VillageCheck.Result result = villages.check(command.homeVillageCode());
        if (result instanceof VillageCheck.Village village) {
            status = VillageStatus.VERIFIED;
            villageName = village.name();
        } else if (result instanceof VillageCheck.Unavailable down) {
            // accepted unverified; VillageVerificationQueue asks grid-service again
            status = VillageStatus.UNVERIFIED;
            check = Delivery.pending(VillageVerificationQueue.keyOf(id), now).failed(down.error(), now);
        } else {
            throw DomainException.unprocessable("VILLAGE_NOT_FOUND", command.homeVillageCode());
        }
        List<FamilyMember> family = command.familyOrEmpty().stream()
                .map(m -> new FamilyMember(m.relation(), protector.protect(PersonalDataKind.NAME, m.name()), m.age(),
                        m.livesAlone(), blankToNull(m.note())))
                .toList();
        Consent consent = command.familyConsent() == null ? null
                : new Consent(command.familyConsent(), now, caller.subject(), blankToNull(command.consentStatement()));
        Compatriot compatriot = new Compatriot(id, subject, command.name().strip(), passportCountry,
                protector.protect(PersonalDataKind.PASSPORT, passport.value()), protector.protect(idCard),
                protector.protect(PersonalDataKind.PHONE, blankToNull(command.phone())), command.countryOfResidence(),
                command.cityOfResidence().strip(), command.stationId(), command.homeVillageCode(), villageName, status,
                check, family, consent, self ? RegisteredVia.SELF : RegisteredVia.STATION, caller.subject(), now, null);
        try {
            Compatriot saved = mongo.insert(compatriot);
            if (check != null) {
                verifications.startedPending();
            }
            metrics.registered(saved.countryOfResidence());
            return saved;
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict(subject != null && mongo.exists(
                    Query.query(Criteria.where("subject").is(subject)), Compatriot.class)
                    ? "COMPATRIOT_ALREADY_REGISTERED" : "PASSPORT_ALREADY_REGISTERED");
        }
    }

    /**
     * A new home village code (a typo found by the re-verification, a move): checked against grid-service like
     * at registration; by the compatriot themself or their station's staff.
     */
    Compatriot correctVillage(String id, String villageCode, Caller caller) {
        Compatriot compatriot = get(id, caller);
        if (!caller.subject().equals(compatriot.subject()) && !Staff.ofStation(caller, compatriot.stationId())) {
            throw DomainException.forbidden("FORBIDDEN");
        }
        Instant now = clock.instant();
        VillageCheck.Result result = villages.check(villageCode);
        Update update = new Update().set("homeVillageCode", villageCode).inc("version", 1);
        if (result instanceof VillageCheck.Village village) {
            update.set("villageStatus", VillageStatus.VERIFIED).set("homeVillageName", village.name())
                    .unset("villageCheck");
        } else if (result instanceof VillageCheck.Unavailable down) {
            update.set("villageStatus", VillageStatus.UNVERIFIED).unset("homeVillageName").set("villageCheck",
                    Delivery.pending(VillageVerificationQueue.keyOf(id), now).failed(down.error(), now));
        } else {
            throw DomainException.unprocessable("VILLAGE_NOT_FOUND", villageCode);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, Compatriot.class);
        if (result instanceof VillageCheck.Unavailable) {
            verifications.startedPending();
        }
        return mongo.findById(id, Compatriot.class);
    }

    /** The compatriot, if the caller may see them: themself, their station's staff, the home police. */
    Compatriot get(String id, Caller caller) {
        Compatriot compatriot = mongo.findById(id, Compatriot.class);
        if (compatriot == null || !maySee(compatriot, caller)) {
            throw DomainException.notFound("COMPATRIOT_NOT_FOUND", id);
        }
        return compatriot;
    }

    Compatriot mine(Caller caller) {
        return bySubject(caller.subject())
                .orElseThrow(() -> DomainException.notFound("COMPATRIOT_NOT_REGISTERED"));
    }

    Page<Compatriot> list(Caller caller, String stationId, String country, Pageable pageable) {
        Criteria criteria = new Criteria();
        if (Staff.overseeing(caller) || caller.hasRole("POLICE") && caller.stationId() == null) {
            if (stationId != null) {
                criteria.and("stationId").is(stationId);
            }
        } else if (Staff.atAStation(caller)) {
            criteria.and("stationId").is(caller.stationId());
        } else {
            throw DomainException.forbidden("FORBIDDEN");
        }
        if (country != null) {
            criteria.and("countryOfResidence").is(country);
        }
        Query query = Query.query(criteria);
        return MongoPages.find(mongo, query, pageable, Sort.by(Sort.Direction.DESC, "registeredAt"), Compatriot.class);
    }

    /** The passport number in clear: POLICE, COMMANDER or ADMIN with a stated purpose, audited. */
    String revealPassport(String id, String purpose, Caller caller) {
        Compatriot compatriot = get(id, caller);
        return reveals.reveal(compatriot.passport(), new PersonalDataReveals.Request(caller.subject(),
                Set.copyOf(caller.roles()), RECORD_TYPE, id, purpose));
    }

    private static boolean maySee(Compatriot compatriot, Caller caller) {
        return caller.subject().equals(compatriot.subject()) || Staff.ofStation(caller, compatriot.stationId())
                || caller.hasRole("POLICE") && caller.stationId() == null;
    }

    Optional<Compatriot> bySubject(String subject) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("subject").is(subject)),
                Compatriot.class));
    }

    /** The caller's own registration (a COMPATRIOT), 404 COMPATRIOT_NOT_REGISTERED when they have none. */
    public Profile profileOfCaller(Caller caller) {
        return profile(mine(caller));
    }

    /** A compatriot the caller may act for; 404 COMPATRIOT_NOT_FOUND otherwise. */
    public Profile profileFor(String id, Caller caller) {
        return profile(get(id, caller));
    }

    /** The id of the caller's own registration, if they have one. */
    public Optional<String> registrationOf(Caller caller) {
        return bySubject(caller.subject()).map(Compatriot::id);
    }

    public Optional<Profile> profile(String id) {
        return Optional.ofNullable(mongo.findById(id, Compatriot.class)).map(Compatriots::profile);
    }

    public long count() {
        return mongo.count(new Query(), Compatriot.class);
    }

    private static Profile profile(Compatriot c) {
        return new Profile(c.id(), c.subject(), c.name(), c.stationId(), c.countryOfResidence(), c.homeVillageCode(),
                c.villageStatus(), c.familyConsent() != null && c.familyConsent().given());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
