package cn.lishui.police.mediation.dispute;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.mediation.client.GridClient;
import cn.lishui.police.mediation.client.GridDirectory;
import cn.lishui.police.mediation.mediator.MediatorDirectory;
import cn.lishui.police.mediation.mediator.MediatorRef;
import cn.lishui.police.mediation.organisation.OrganisationDirectory;
import cn.lishui.police.mediation.organisation.OrganisationKind;
import cn.lishui.police.mediation.organisation.OrganisationRef;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.personaldata.PersonalDataReveals;
import cn.lishui.police.platform.region.LishuiCounty;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Disputes: intake (a citizen for themselves, a grid officer, a 110 incident hand-off), who sees which case,
 * the workflow actions, sessions, recusals, and the village check and police liaison from grid-service.
 */
@Service
class Disputes {

    /** Roles that see every dispute (the duty command room); an administrator manages the registers, not cases. */
    private static final String[] EVERYTHING = {"COMMANDER"};
    static final String RECORD_TYPE = "dispute-party";

    private final MongoTemplate mongo;
    private final OrganisationDirectory organisations;
    private final MediatorDirectory mediators;
    private final Caseloads caseloads;
    private final GridDirectory grid;
    private final PersonalDataProtector protector;
    private final PersonalDataReveals reveals;
    private final DisputeMetrics metrics;
    private final KpiCounters kpis;
    private final PendingDeliveries pending;
    private final Clock clock;
    /** The KPI counters' changes and overdue count when a sweep last found nothing to escalate; null: not yet. */
    private volatile SweepState lastEmptySweep;

    private record SweepState(long changes, long overdue) {
    }

    Disputes(MongoTemplate mongo, OrganisationDirectory organisations, MediatorDirectory mediators,
             Caseloads caseloads, GridDirectory grid, PersonalDataProtector protector, PersonalDataReveals reveals,
             DisputeMetrics metrics, KpiCounters kpis, PendingDeliveries pending, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.mediators = mediators;
        this.caseloads = caseloads;
        this.grid = grid;
        this.protector = protector;
        this.reveals = reveals;
        this.metrics = metrics;
        this.kpis = kpis;
        this.pending = pending;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Instant now() {
        return clock.instant();
    }

    // --- intake -----------------------------------------------------------------------------------------------

    /** A citizen registers their own dispute (they are the party marked self), or a grid officer one they met. */
    Dispute open(Caller caller, DisputeCommands.NewDispute command) {
        boolean officer = caller.hasRole("GRID_OFFICER");
        String county = countyOf(command.countyCode(), command.villageCode());
        if (officer && caller.countyCode() != null && !caller.countyCode().equals(county)) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", county);
        }
        long selves = command.parties().stream().filter(p -> Boolean.TRUE.equals(p.self())).count();
        if (!officer && selves != 1) {
            throw DomainException.unprocessable("SELF_PARTY_REQUIRED");
        }
        OrganisationRef organisation = organisationFor(command.organisationId(), county, command.villageCode(),
                OrganisationKind.GOVERNANCE_CENTRE);
        Instant now = now();
        GridDirectory.VillageLookup lookup = null;
        if (command.villageCode() != null) {
            lookup = grid.village(command.villageCode());
            if (lookup.answer() == GridDirectory.Answer.NOT_FOUND) {
                throw DomainException.unprocessable("VILLAGE_NOT_FOUND", command.villageCode());
            }
        }
        List<Party> parties = command.parties().stream()
                .map(p -> party(p.name(), p.phone(), p.role(), p.dialect(),
                        !officer && Boolean.TRUE.equals(p.self()) ? caller.subject() : null))
                .toList();
        Dispute dispute = Dispute.register(officer ? DisputeSource.GRID_OFFICER : DisputeSource.CITIZEN,
                caller.subject(), county, command.villageCode(), VillageCheck.notGiven(), command.category(),
                command.description(), command.amountAtStake(), parties, organisation, now);
        applyVillageLookup(dispute, lookup, now);
        attachLiaison(dispute, now);
        Dispute saved = insert(dispute);
        metrics.opened(saved);
        return saved;
    }

    record Handoff(Dispute dispute, boolean created) {
    }

    /**
     * Contract 4: one dispute per incident. A repeat (any Idempotency-Key) answers the dispute made first; the
     * unique index on incidentId settles a race between two first hand-offs. A village grid-service does not
     * know, or cannot be asked about now, never refuses the hand-off: the incident must not be lost.
     */
    Handoff handOff(Caller caller, DisputeCommands.IncidentHandoff command) {
        Dispute existing = byIncident(command.incidentId());
        if (existing != null) {
            return new Handoff(existing, false);
        }
        String county = countyOf(command.countyCode(), command.villageCode());
        Instant now = now();
        GridDirectory.VillageLookup lookup = command.villageCode() == null ? null : grid.village(command.villageCode());
        List<Party> parties = command.parties().stream()
                .map(p -> party(p.name(), p.phone(), p.role(), null, null)).toList();
        OrganisationRef organisation = organisations.route(county,
                command.villageCode() == null ? null : command.villageCode().substring(0, 9) + "000",
                OrganisationKind.INCIDENT_LINKAGE_CENTRE).orElse(null);
        Dispute dispute = Dispute.register(DisputeSource.INCIDENT_HANDOFF, caller.subject(), county,
                command.villageCode(), VillageCheck.notGiven(), command.category(), command.description(), null,
                parties, organisation, now).handedOffFrom(command.incidentId(), command.incidentNumber(),
                command.occurredAt());
        applyVillageLookup(dispute, lookup, now);
        attachLiaison(dispute, now);
        try {
            Dispute saved = insert(dispute);
            metrics.opened(saved);
            return new Handoff(saved, true);
        } catch (DuplicateKeyException raced) {
            return new Handoff(byIncident(command.incidentId()), false);
        }
    }

    private Dispute byIncident(String incidentId) {
        return mongo.findOne(Query.query(Criteria.where("incidentId").is(incidentId)), Dispute.class);
    }

    private static String countyOf(String countyCode, String villageCode) {
        if (villageCode == null && countyCode == null) {
            throw DomainException.badRequest("PLACE_REQUIRED");
        }
        String county = countyCode != null ? countyCode : villageCode.substring(0, 6);
        if (!LishuiCounty.isCountyCode(county)) {
            throw DomainException.unprocessable("UNKNOWN_COUNTY", county);
        }
        if (villageCode != null && !villageCode.startsWith(county)) {
            throw DomainException.unprocessable("VILLAGE_OUTSIDE_COUNTY", villageCode, county);
        }
        return county;
    }

    private OrganisationRef organisationFor(String organisationId, String county, String villageCode,
                                            OrganisationKind preferred) {
        if (organisationId == null) {
            return organisations.route(county, villageCode == null ? null : villageCode.substring(0, 9) + "000",
                    preferred).orElse(null);
        }
        OrganisationRef organisation = organisations.find(organisationId)
                .orElseThrow(() -> DomainException.unprocessable("UNKNOWN_ORGANISATION", organisationId));
        if (!organisation.countyCode().equals(county)) {
            throw DomainException.unprocessable("ORGANISATION_OUTSIDE_COUNTY", organisationId, county);
        }
        return organisation;
    }

    private Party party(String name, String phone, Party.PartyRole role, String dialect, String subject) {
        return new Party(UUID.randomUUID().toString(), protector.protect(PersonalDataKind.NAME, name.strip()),
                phone == null || phone.isBlank() ? null : protector.protect(PersonalDataKind.PHONE, phone),
                role, dialect == null || dialect.isBlank() ? null : dialect.strip(), subject);
    }

    /** Records grid-service's answer on the village (none asked: nothing to record). */
    private static void applyVillageLookup(Dispute dispute, GridDirectory.VillageLookup lookup, Instant now) {
        if (lookup == null) {
            return;
        }
        switch (lookup.answer()) {
            case FOUND -> dispute.villageChecked(
                    new VillageCheck(VillageCheck.Status.VERIFIED, lookup.name(), now, null), now);
            case NOT_FOUND -> dispute.villageChecked(
                    new VillageCheck(VillageCheck.Status.NOT_A_VILLAGE, null, now, lookup.error()), now);
            case UNAVAILABLE -> dispute.villageCheckUnavailable(lookup.error(), now);
        }
    }

    /**
     * 警调联动: the police of the dispute's village, fetched now when grid-service answers, else marked pending for
     * the liaison queue. Nothing to fetch without a village, or for one grid-service does not know.
     */
    void attachLiaison(Dispute dispute, Instant now) {
        if (dispute.villageCheck().status() != VillageCheck.Status.VERIFIED) {
            // no village to ask about, or not yet verified: the village queue fetches it once verified
            dispute.liaisonNotAvailable("no verified village", now);
            return;
        }
        GridDirectory.LiaisonLookup lookup = grid.liaison(dispute.villageCode());
        switch (lookup.answer()) {
            case FOUND -> dispute.liaisonFetched(liaisonOf(lookup.liaison(), now), now);
            case NOT_FOUND -> dispute.liaisonNotAvailable(lookup.error(), now);
            case UNAVAILABLE -> dispute.liaisonUnavailable(lookup.error(), now);
        }
    }

    static PoliceLiaison liaisonOf(GridClient.Liaison liaison, Instant now) {
        return new PoliceLiaison(liaison.villageCode(), liaison.villageName(), liaison.townCode(),
                officers(liaison.chiefs()), officers(liaison.gridOfficers()), now);
    }

    private static List<PoliceLiaison.Officer> officers(List<GridClient.Officer> officers) {
        return officers == null ? List.of() : officers.stream()
                .map(o -> new PoliceLiaison.Officer(o.officerId(), o.name(), o.kind(), o.stationId(), o.phone(),
                        o.gridCode(), o.gridName()))
                .toList();
    }

    // --- redelivery (the platform's DeliveryScheduler drives VillageQueue and LiaisonQueue) -----------------------

    /** One more village check of a dispute left UNVERIFIED; once verified, its liaison is fetched as well. */
    Delivery.Outcome reverifyVillage(String id) {
        Dispute dispute = mongo.findById(id, Dispute.class);
        if (dispute == null || !dispute.villageCheckPending()) {
            return Delivery.Outcome.SKIPPED;
        }
        KpiShare before = KpiShare.of(dispute);
        Instant now = now();
        GridDirectory.VillageLookup lookup = grid.village(dispute.villageCode());
        applyVillageLookup(dispute, lookup, now);
        attachLiaison(dispute, now);
        save(dispute, before);
        return switch (lookup.answer()) {
            case FOUND -> Delivery.Outcome.DELIVERED;
            case NOT_FOUND -> Delivery.Outcome.REJECTED;
            case UNAVAILABLE -> Delivery.Outcome.RETRY;
        };
    }

    /** One more fetch of a dispute's police liaison. */
    Delivery.Outcome refetchLiaison(String id) {
        Dispute dispute = mongo.findById(id, Dispute.class);
        if (dispute == null || !dispute.liaisonPending()) {
            return Delivery.Outcome.SKIPPED;
        }
        KpiShare before = KpiShare.of(dispute);
        attachLiaison(dispute, now());
        save(dispute, before);
        return dispute.liaisonPending() ? Delivery.Outcome.RETRY
                : dispute.liaison() != null && dispute.liaisonDelivery().status() == Delivery.Status.DELIVERED
                ? Delivery.Outcome.DELIVERED : Delivery.Outcome.REJECTED;
    }

    // --- who sees what ----------------------------------------------------------------------------------------

    /**
     * The dispute, if the caller may see it: a party, the assigned mediator, the head of its organisation, who
     * registered it, COMMANDER (and SERVICE, for the hand-off's sender). Anyone else: not found.
     */
    Dispute get(Caller caller, String id) {
        Dispute dispute = mongo.findById(id, Dispute.class);
        if (dispute == null || !visible(caller, dispute)) {
            throw DomainException.notFound("DISPUTE_NOT_FOUND", id);
        }
        return dispute;
    }

    private boolean visible(Caller caller, Dispute dispute) {
        return caller.hasAnyRole(EVERYTHING) || caller.hasRole("SERVICE")
                || dispute.partySubjects().contains(caller.subject())
                || caller.subject().equals(dispute.mediatorSubject())
                || caller.subject().equals(dispute.registeredBy())
                || heads(caller, dispute);
    }

    private boolean heads(Caller caller, Dispute dispute) {
        return organisations.find(dispute.organisationId()).map(o -> o.headedBy(caller)).orElse(false);
    }

    /**
     * Filters of the list; each is optional. {@code followUpDue}: agreed disputes whose follow-up visit (回访) is
     * due today or was due earlier (the mediator's and the head's worklist of visits).
     */
    record Filter(DisputeStatus status, String countyCode, String organisationId, DisputeCategory category,
                  Boolean overdue, Boolean followUpDue) {
    }

    Page<Dispute> list(Caller caller, Filter filter, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        if (!caller.hasAnyRole(EVERYTHING)) {
            List<Criteria> mine = new ArrayList<>();
            mine.add(Criteria.where("partySubjects").is(caller.subject()));
            mine.add(Criteria.where("mediatorSubject").is(caller.subject()));
            mine.add(Criteria.where("registeredBy").is(caller.subject()));
            List<String> headed = organisations.headedBy(caller);
            if (!headed.isEmpty()) {
                mine.add(Criteria.where("organisationId").in(headed));
            }
            all.add(new Criteria().orOperator(mine));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.countyCode() != null) {
            all.add(Criteria.where("countyCode").is(filter.countyCode()));
        }
        if (filter.organisationId() != null) {
            all.add(Criteria.where("organisationId").is(filter.organisationId()));
        }
        if (filter.category() != null) {
            all.add(Criteria.where("category").is(filter.category()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            all.add(Criteria.where("status").in(DisputeStatus.OPEN).and("dueAt").lt(now()));
        }
        if (Boolean.TRUE.equals(filter.followUpDue())) {
            all.add(Criteria.where("status").is(DisputeStatus.AGREED).and("followUpDue")
                    .lte(now().atZone(Dispute.LOCAL).toLocalDate()));
        }
        Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
        return MongoPages.find(mongo, query, pageable, Sort.by(Sort.Direction.DESC, "registeredAt").and(Sort.by("id")), Dispute.class);
    }

    private DisputeActor actor(Caller caller, Dispute dispute) {
        return new DisputeActor(caller.subject(), caller.roles(), heads(caller, dispute));
    }

    /** For accepting into an organisation other than the routed one: whether the caller heads that one. */
    private DisputeActor actor(Caller caller, OrganisationRef organisation) {
        return new DisputeActor(caller.subject(), caller.roles(), organisation.headedBy(caller));
    }

    // --- the workflow -----------------------------------------------------------------------------------------

    Dispute act(Caller caller, String id, DisputeAction action, DisputeCommands.Act details) {
        Dispute dispute = get(caller, id);
        KpiShare before = KpiShare.of(dispute);
        DisputeActor actor = actor(caller, dispute);
        Instant now = now();
        switch (action) {
            case ACCEPT -> {
                OrganisationRef target = target(details.organisationId(), dispute);
                dispute.accept(actor(caller, target), target, now);
            }
            case DECLINE -> dispute.decline(actor, details.reason(), now);
            case ASSIGN -> {
                MediatorRef mediator = mediator(details.mediatorId());
                dispute.assign(actor, mediator, caseloads.of(mediator.id()), now);
                attachLiaisonAgain(dispute, now);
            }
            case REASSIGN -> {
                MediatorRef mediator = mediator(details.mediatorId());
                dispute.reassign(actor, mediator, caseloads.of(mediator.id()), details.reason(), now);
                attachLiaisonAgain(dispute, now);
            }
            case START -> dispute.start(actor, now);
            case AGREE -> dispute.agree(actor, details.agreement(), now);
            case FAIL -> dispute.fail(actor, details.referral(), details.reason(), now);
            case FOLLOW_UP -> dispute.followUp(actor, details.result(), details.note(),
                    Boolean.TRUE.equals(details.reopen()), now);
            case CLOSE -> dispute.close(actor, now);
            case WITHDRAW -> dispute.withdraw(actor, details.reason(), now);
            default -> throw DomainException.notFound("UNKNOWN_ACTION", action.path());
        }
        Dispute saved = save(dispute, before);
        if (action == DisputeAction.CLOSE) {
            metrics.closed(saved);
        } else if (action == DisputeAction.AGREE) {
            metrics.agreed(saved);
        }
        return saved;
    }

    /** The organisation accepting: the one it was routed to, or another of the county (COMMANDER, or its head). */
    private OrganisationRef target(String organisationId, Dispute dispute) {
        String id = organisationId != null ? organisationId : dispute.organisationId();
        if (id == null) {
            throw DomainException.unprocessable("ORGANISATION_REQUIRED");
        }
        return organisations.find(id).orElseThrow(() -> DomainException.unprocessable("UNKNOWN_ORGANISATION", id));
    }

    private MediatorRef mediator(String mediatorId) {
        if (mediatorId == null || mediatorId.isBlank()) {
            throw DomainException.unprocessable("MEDIATOR_REQUIRED");
        }
        return mediators.find(mediatorId).orElseThrow(() -> DomainException.unprocessable("UNKNOWN_MEDIATOR",
                mediatorId));
    }

    /** At assignment the liaison is fetched again: the village's officers may have changed since intake. */
    private void attachLiaisonAgain(Dispute dispute, Instant now) {
        if (dispute.villageCheck().status() == VillageCheck.Status.VERIFIED) {
            attachLiaison(dispute, now);
        }
    }

    Party addParty(Caller caller, String id, DisputeCommands.NewParty command) {
        Dispute dispute = get(caller, id);
        KpiShare before = KpiShare.of(dispute);
        Party party = dispute.addParty(actor(caller, dispute),
                party(command.name(), command.phone(), command.role(), command.dialect(), null), now());
        save(dispute, before);
        return party;
    }

    Dispute.Session scheduleSession(Caller caller, String id, DisputeCommands.NewSession command) {
        Dispute dispute = get(caller, id);
        KpiShare before = KpiShare.of(dispute);
        Dispute.Session session = dispute.scheduleSession(actor(caller, dispute), command, now());
        save(dispute, before);
        return session;
    }

    Dispute.Session recordSession(Caller caller, String id, String sessionId, DisputeCommands.SessionRecord command) {
        Dispute dispute = get(caller, id);
        KpiShare before = KpiShare.of(dispute);
        Dispute.Session session = dispute.recordSession(actor(caller, dispute), sessionId, command, now());
        save(dispute, before);
        return session;
    }

    Dispute.Recusal requestRecusal(Caller caller, String id, DisputeCommands.RecusalRequest command) {
        Dispute dispute = get(caller, id);
        KpiShare before = KpiShare.of(dispute);
        Dispute.Recusal recusal = dispute.requestRecusal(actor(caller, dispute), command.mediatorId(),
                command.reason(), now());
        save(dispute, before);
        return recusal;
    }

    Dispute reviewRecusal(Caller caller, String id, String recusalId, DisputeCommands.RecusalReview command) {
        Dispute dispute = get(caller, id);
        KpiShare before = KpiShare.of(dispute);
        MediatorRef replacement = command.uphold() && command.replacementMediatorId() != null
                ? mediator(command.replacementMediatorId()) : null;
        dispute.reviewRecusal(actor(caller, dispute), recusalId, command.uphold(), replacement,
                replacement == null ? 0 : caseloads.of(replacement.id()), command.note(), now());
        if (replacement != null) {
            attachLiaisonAgain(dispute, now());
        }
        return save(dispute, before);
    }

    Dispute recordJudicialConfirmation(Caller caller, String id, DisputeCommands.JudicialConfirmation command) {
        Dispute dispute = get(caller, id);
        KpiShare before = KpiShare.of(dispute);
        dispute.recordJudicialConfirmation(actor(caller, dispute), command.appliedOn(), now());
        return save(dispute, before);
    }

    /** A party's name and phone in clear, for someone who may see the case and reveal personal data; audited. */
    Map<String, String> revealParty(Caller caller, String id, String partyId, String purpose) {
        Dispute dispute = get(caller, id);
        Party party = dispute.party(partyId).orElseThrow(() -> DomainException.notFound("PARTY_NOT_FOUND", partyId));
        PersonalDataReveals.Request request = new PersonalDataReveals.Request(caller.subject(), caller.roles(),
                RECORD_TYPE, dispute.id() + "/" + partyId, purpose);
        String name = reveals.reveal(party.name(), request);
        String phone = party.phone() == null ? null : reveals.reveal(party.phone(), request);
        Map<String, String> revealed = new LinkedHashMap<>();
        revealed.put("partyId", partyId);
        revealed.put("name", name);
        revealed.put("phone", phone);
        return revealed;
    }

    /** Inserts a new dispute, counts it, and tells the delivery queues when a hand-off of it is pending. */
    private Dispute insert(Dispute dispute) {
        Dispute saved = kpis.write(null, () -> mongo.insert(dispute));
        pending.wrote(saved);
        return saved;
    }

    /** Saves a dispute loaded with the KPI share {@code before}, counts the change, tells the delivery queues. */
    private Dispute save(Dispute dispute, KpiShare before) {
        Dispute saved = kpis.write(before, () -> mongo.save(dispute));
        pending.wrote(saved);
        return saved;
    }

    // --- timers -----------------------------------------------------------------------------------------------

    /**
     * Escalates every open dispute past its due date to its organisation's head, once each: the flag is set in
     * one conditional update per dispute (the version bumped, so a stale save elsewhere is a 409, not a lost flag).
     */
    int escalateOverdue() {
        Instant now = now();
        long changes = kpis.changes();
        long overdueNow = kpis.overdue(now);
        SweepState quiet = lastEmptySweep;
        if (quiet != null && quiet.changes() == changes && quiet.overdue() == overdueNow) {
            // no dispute written and no due date passed since a sweep found nothing to escalate: the open disputes
            // past their due date are the same ones, all escalated (on the embedded store the query reads every
            // dispute, holding the collection while single reads wait)
            return 0;
        }
        Query candidates = Query.query(Criteria.where("status").in(DisputeStatus.OPEN).and("dueAt").lt(now)
                .and("escalatedAt").is(null)).limit(500);
        int escalated = 0;
        boolean found = false;
        for (Dispute overdue : mongo.find(candidates, Dispute.class)) {
            String head = organisations.find(overdue.organisationId()).map(OrganisationRef::headId).orElse(null);
            Query notYet = Query.query(Criteria.where("_id").is(overdue.id()).and("escalatedAt").is(null)
                    .and("status").in(DisputeStatus.OPEN));
            Update update = new Update().set("escalatedAt", now).set("escalatedTo", head)
                    .push("history", new Dispute.Event(now, "escalate", "system", overdue.status(), overdue.status(),
                            head))
                    .inc("version", 1);
            if (mongo.updateFirst(notYet, update, Dispute.class).getModifiedCount() == 1) {
                metrics.escalated(overdue);
                escalated++;
            }
            found = true;
        }
        lastEmptySweep = found ? null : new SweepState(changes, overdueNow);
        return escalated;
    }
}
