package cn.lishui.police.grid.officer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import cn.lishui.police.platform.personaldata.ProtectedValue;
import cn.lishui.police.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Who is assigned where, for other features of grid-service (location lookup, dispatch, inspections, visits):
 * answered from the in-memory {@link OfficerRoster}, which a write made here refreshes before its writer reads.
 */
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

    private final OfficerRoster roster;

    Assignments(OfficerRoster roster) {
        this.roster = roster;
    }

    /**
     * The officer a token speaks for: the officer whose id is the token's subject, else the one whose
     * registered account is the subject or the username.
     */
    public Optional<AssignedOfficer> officerOf(Caller caller) {
        return find(caller).map(AssignedOfficer::of);
    }

    Optional<Officer> find(Caller caller) {
        OfficerRoster.Roster current = roster.current();
        Officer byId = caller.subject() == null ? null : current.officers().get(caller.subject());
        if (byId != null) {
            return Optional.of(byId);
        }
        return Stream.of(caller.subject(), caller.username()).filter(Objects::nonNull)
                .map(current.byAccount()::get).filter(Objects::nonNull).findFirst();
    }

    public Optional<AssignedOfficer> gridOfficer(String gridCode) {
        return gridCode == null ? Optional.empty() : gridOfficer(roster.current(), gridCode);
    }

    /** A registered officer by id. */
    public Optional<AssignedOfficer> officer(String officerId) {
        return Optional.ofNullable(officerId == null ? null : roster.current().officers().get(officerId))
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
        OfficerRoster.Roster current = roster.current();
        if (gridCode != null) {
            Optional<AssignedOfficer> officer = gridOfficer(current, gridCode);
            if (officer.isPresent()) {
                return Optional.of(new Responsible(officer.get(), gridCode));
            }
        }
        if (villageCode == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> assignment : current.gridOfficersOfVillage(villageCode).entrySet()) {
            Officer officer = current.officers().get(assignment.getValue());
            if (officer != null) {
                return Optional.of(new Responsible(AssignedOfficer.of(officer), assignment.getKey()));
            }
        }
        return villageChiefs(current, villageCode).stream().findFirst()
                .map(chief -> new Responsible(chief, gridCode));
    }

    /** The village chiefs in the order they were appointed. */
    public List<AssignedOfficer> villageChiefs(String villageCode) {
        return villageChiefs(roster.current(), villageCode);
    }

    private static Optional<AssignedOfficer> gridOfficer(OfficerRoster.Roster current, String gridCode) {
        return Optional.ofNullable(current.gridOfficers().get(gridCode)).map(current.officers()::get)
                .map(AssignedOfficer::of);
    }

    private static List<AssignedOfficer> villageChiefs(OfficerRoster.Roster current, String villageCode) {
        List<String> ids = villageCode == null ? null : current.chiefs().get(villageCode);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return ids.stream().map(current.officers()::get).filter(Objects::nonNull).map(AssignedOfficer::of).toList();
    }
}
