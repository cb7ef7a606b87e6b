package cn.lishui.police.grid.officer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.lishui.police.platform.personaldata.ProtectedValue;
import cn.lishui.police.platform.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Who is assigned where, for other features of grid-service (location lookup). */
@Component
public class Assignments {

    /** An assigned officer as other features show it; the contact phone serializes masked. */
    public record AssignedOfficer(String id, String name, OfficerKind kind, String stationId,
                                  ProtectedValue contactPhone) {

        static AssignedOfficer of(Officer officer) {
            return new AssignedOfficer(officer.id(), officer.name(), officer.kind(), officer.stationId(),
                    officer.contactPhone());
        }
    }

    private final MongoTemplate mongo;

    Assignments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The officer a token speaks for: the officer whose id is the token's subject, else the one whose
     * registered account is the subject or the username.
     */
    public Optional<AssignedOfficer> officerOf(Caller caller) {
        return find(caller).map(AssignedOfficer::of);
    }

    Optional<Officer> find(Caller caller) {
        Officer byId = caller.subject() == null ? null : mongo.findById(caller.subject(), Officer.class);
        if (byId != null) {
            return Optional.of(byId);
        }
        List<String> accounts = java.util.stream.Stream.of(caller.subject(), caller.username())
                .filter(java.util.Objects::nonNull).toList();
        return mongo.find(Query.query(Criteria.where("account").in(accounts)), Officer.class).stream().findFirst();
    }

    public Optional<AssignedOfficer> gridOfficer(String gridCode) {
        return Optional.ofNullable(mongo.findById(gridCode, GridOfficer.class))
                .map(assignment -> mongo.findById(assignment.officerId(), Officer.class))
                .map(AssignedOfficer::of);
    }

    /** A registered officer by id. */
    public Optional<AssignedOfficer> officer(String officerId) {
        return Optional.ofNullable(officerId == null ? null : mongo.findById(officerId, Officer.class))
                .map(AssignedOfficer::of);
    }

    /** The officer responsible for a place, and the grid they answer for (null for a chief without one). */
    public record Responsible(AssignedOfficer officer, String gridCode) {
    }

    /**
     * Who answers for a place: the grid officer of the grid (一格一警), else the grid officer of the village's
     * first covered grid, else the village's first chief (一村两警长).
     */
    public Optional<Responsible> responsibleFor(String villageCode, String gridCode) {
        if (gridCode != null) {
            Optional<AssignedOfficer> officer = gridOfficer(gridCode);
            if (officer.isPresent()) {
                return Optional.of(new Responsible(officer.get(), gridCode));
            }
        }
        if (villageCode == null) {
            return Optional.empty();
        }
        Query villageGrids = Query.query(Criteria.where("_id").regex("^" + java.util.regex.Pattern.quote(villageCode)))
                .with(org.springframework.data.domain.Sort.by("_id"));
        for (GridOfficer assignment : mongo.find(villageGrids, GridOfficer.class)) {
            Officer officer = mongo.findById(assignment.officerId(), Officer.class);
            if (officer != null) {
                return Optional.of(new Responsible(AssignedOfficer.of(officer), assignment.gridCode()));
            }
        }
        return villageChiefs(villageCode).stream().findFirst().map(chief -> new Responsible(chief, gridCode));
    }

    /** The village chiefs in the order they were appointed. */
    public List<AssignedOfficer> villageChiefs(String villageCode) {
        VillageChiefs chiefs = mongo.findById(villageCode, VillageChiefs.class);
        if (chiefs == null || chiefs.chiefs().isEmpty()) {
            return List.of();
        }
        List<String> ids = chiefs.chiefs().stream().map(VillageChiefs.Chief::officerId).toList();
        Map<String, Officer> officers = mongo.find(Query.query(Criteria.where("id").in(ids)), Officer.class).stream()
                .collect(Collectors.toMap(Officer::id, Function.identity()));
        return ids.stream().map(officers::get).filter(java.util.Objects::nonNull).map(AssignedOfficer::of).toList();
    }
}
