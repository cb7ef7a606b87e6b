package cn.lishui.police.mediation.dispute;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cn.lishui.police.mediation.mediator.MediatorRef;
import cn.lishui.police.mediation.organisation.OrganisationRef;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.TimeOrderedIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dispute (矛盾纠纷) from intake to closing, in one document: its parties, the workflow state with the
 * mediator on it, sessions, the agreement, follow-up visits, recusals, the police liaison of its village and
 * its history. Each action is a method that checks the state ({@link Workflow}) and the actor, then changes
 * the document; the service saves it under optimistic locking.
 */
@Document("disputes")
@CompoundIndexes({
        @CompoundIndex(name = "status_dueAt", def = "{'status': 1, 'dueAt': 1}"),
        @CompoundIndex(name = "county_category_period", def = "{'countyCode': 1, 'category': 1, 'period': 1}"),
        @CompoundIndex(name = "organisation_status", def = "{'organisationId': 1, 'status': 1}"),
        @CompoundIndex(name = "mediator_status", def = "{'mediatorId': 1, 'status': 1}"),
        @CompoundIndex(name = "period", def = "{'period': 1}"),
        @CompoundIndex(name = "status_followUpDue", def = "{'status': 1, 'followUpDue': 1}"),
        @CompoundIndex(name = "registeredAt", def = "{'registeredAt': -1}"),
        @CompoundIndex(name = "village_delivery_due",
                def = "{'villageDelivery.status': 1, 'villageDelivery.nextAttemptAt': 1}"),
        @CompoundIndex(name = "liaison_delivery_due",
                def = "{'liaisonDelivery.status': 1, 'liaisonDelivery.nextAttemptAt': 1}")
})
class Dispute {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    /** 人民调解工作若干规定 Art. 36: a mediation ends, as a rule, within one month. */
    static final int MEDIATION_LIMIT_MONTHS = 1;
    /** The first follow-up visit (回访) after an agreement. */
    static final int FOLLOW_UP_AFTER_DAYS = 15;

    /** One step of the history. */
    record Event(Instant at, String action, String by, DisputeStatus from, DisputeStatus to, String note) {
    }

    record Session(String sessionId, Instant scheduledAt, String place, String videoLink, List<String> attendees,
                   String scheduledBy, String record, Instant recordedAt) {
    }

    record FollowUp(Instant visitedAt, String by, DisputeCommands.FollowUpResult result, String note,
                    boolean reopened) {
    }

    enum RecusalStatus { PENDING, UPHELD, DISMISSED }

    record Recusal(String recusalId, String mediatorId, String requestedBy, String reason, Instant requestedAt,
                   RecusalStatus status, String reviewedBy, String reviewNote, Instant reviewedAt) {
    }

    record Outcome(DisputeCommands.Referral referral, String reason) {
    }

    /** The 0/1 counters the KPIs sum with $group, kept on the document so no query needs expressions. */
    record Kpi(int accepted, int mediated, int agreed, int closed, double daysToClose) {
        static final Kpi NONE = new Kpi(0, 0, 0, 0, 0);
    }

    @Id
    private String id;
    private DisputeSource source;
    @Indexed(unique = true, sparse = true)
    private String incidentId;
    private String incidentNumber;
    private String countyCode;
    private String townCode;
    private String villageCode;
    private VillageCheck villageCheck;
    /** The village check's attempts while grid-service could not answer (redelivered by the village queue). */
    private Delivery villageDelivery;
    private PoliceLiaison liaison;
    /** The liaison's fetch while grid-service could not answer (redelivered by the liaison queue). */
    private Delivery liaisonDelivery;
    private DisputeCategory category;
    private String description;
    private Long amountAtStake;
    private List<Party> parties;
    @Indexed
    private List<String> partySubjects;
    @Indexed
    private String registeredBy;
    private Instant registeredAt;
    private Instant occurredAt;
    private String period;
    private DisputeStatus status;
    private String organisationId;
    private String mediatorId;
    @Indexed(sparse = true)
    private String mediatorSubject;
    private String mediatorName;
    private Instant dueAt;
    private Instant escalatedAt;
    private String escalatedTo;
    private String declineReason;
    private String withdrawalReason;
    private Outcome outcome;
    private Agreement agreement;
    private LocalDate followUpDue;
    private List<Session> sessions = new ArrayList<>();
    private List<FollowUp> followUps = new ArrayList<>();
    private List<Recusal> recusals = new ArrayList<>();
    private List<Agreement> supersededAgreements = new ArrayList<>();
    private Instant acceptedAt;
    private Instant agreedAt;
    private Instant closedAt;
    private Kpi kpi = Kpi.NONE;
    private List<Event> history = new ArrayList<>();
    @Version
    private Long version;

    private Dispute() {
    }

    /**
     * A new dispute, REGISTERED, due one month after its registration (local calendar).
     *
     * @param organisation where it was routed, or {@code null} while no organisation of its county exists
     */
    static Dispute register(DisputeSource source, String registeredBy, String countyCode, String villageCode,
                            VillageCheck villageCheck, DisputeCategory category, String description, Long amountAtStake,
                            List<Party> parties, OrganisationRef organisation, Instant now) {
        Dispute dispute = new Dispute();
        dispute.id = TimeOrderedIds.next(); // time-ordered: random ids rewrote pages all over the _id tree
        dispute.source = source;
        dispute.registeredBy = Objects.requireNonNull(registeredBy);
        dispute.countyCode = countyCode;
        dispute.villageCode = villageCode;
        dispute.townCode = villageCode == null ? null : villageCode.substring(0, 9) + "000";
        dispute.villageCheck = villageCheck;
        dispute.category = category;
        dispute.description = description.strip();
        dispute.amountAtStake = amountAtStake;
        dispute.parties = List.copyOf(parties);
        dispute.partySubjects = parties.stream().map(Party::subject).filter(Objects::nonNull).distinct().toList();
        dispute.registeredAt = now;
        dispute.period = YearMonth.from(now.atZone(LOCAL)).toString();
        dispute.status = DisputeStatus.REGISTERED;
        dispute.organisationId = organisation == null ? null : organisation.id();
        dispute.dueAt = now.atZone(LOCAL).toLocalDate().plusMonths(MEDIATION_LIMIT_MONTHS).plusDays(1)
                .atStartOfDay(LOCAL).toInstant();
        dispute.history.add(new Event(now, "register", registeredBy, null, DisputeStatus.REGISTERED, null));
        return dispute;
    }

    /** Marks this dispute as the hand-off of a police incident (contract 4). */
    Dispute handedOffFrom(String incidentId, String incidentNumber, Instant occurredAt) {
        this.incidentId = incidentId;
        this.incidentNumber = incidentNumber;
        this.occurredAt = occurredAt;
        return this;
    }

    // --- the workflow -------------------------------------------------------------------------------------

    /** @param actor its {@code headOfOrganisation} says whether they head {@code organisation} */
    void accept(DisputeActor actor, OrganisationRef organisation, Instant now) {
        DisputeStatus to = Workflow.next(status, DisputeAction.ACCEPT);
        require(actor.commander() || actor.headOfOrganisation(), DisputeAction.ACCEPT);
        if (!organisation.countyCode().equals(countyCode)) {
            throw DomainException.unprocessable("ORGANISATION_OUTSIDE_COUNTY", organisation.id(), countyCode);
        }
        organisationId = organisation.id();
        acceptedAt = now;
        kpi = new Kpi(1, 0, 0, 0, 0);
        move(to, DisputeAction.ACCEPT, actor, now, organisation.name());
    }

    void decline(DisputeActor actor, String reason, Instant now) {
        DisputeStatus to = Workflow.next(status, DisputeAction.DECLINE);
        requireHead(actor, DisputeAction.DECLINE);
        declineReason = requireReason(reason, DisputeAction.DECLINE);
        move(to, DisputeAction.DECLINE, actor, now, declineReason);
    }

    void assign(DisputeActor actor, MediatorRef mediator, long caseload, Instant now) {
        DisputeStatus to = Workflow.next(status, DisputeAction.ASSIGN);
        requireHead(actor, DisputeAction.ASSIGN);
        putOnCase(mediator, caseload);
        move(to, DisputeAction.ASSIGN, actor, now, mediator.name());
    }

    void reassign(DisputeActor actor, MediatorRef mediator, long caseload, String reason, Instant now) {
        DisputeStatus to = Workflow.next(status, DisputeAction.REASSIGN);
        requireHead(actor, DisputeAction.REASSIGN);
        if (mediator.id().equals(mediatorId)) {
            throw DomainException.conflict("MEDIATOR_ALREADY_ON_CASE", mediator.id());
        }
        String why = requireReason(reason, DisputeAction.REASSIGN);
        putOnCase(mediator, caseload);
        move(to, DisputeAction.REASSIGN, actor, now, mediator.name() + ": " + why);
    }

    void start(DisputeActor actor, Instant now) {
        DisputeStatus to = Workflow.next(status, DisputeAction.START);
        requireMediator(actor, DisputeAction.START);
        move(to, DisputeAction.START, actor, now, null);
    }

    /** Records a party the intake did not name; the head, the mediator or a commander does. */
    Party addParty(DisputeActor actor, Party party, Instant now) {
        Workflow.next(status, DisputeAction.ADD_PARTY);
        require(isMediator(actor) || actor.headOfOrganisation() || actor.commander(), DisputeAction.ADD_PARTY);
        List<Party> more = new ArrayList<>(parties);
        more.add(party);
        parties = List.copyOf(more);
        history.add(new Event(now, DisputeAction.ADD_PARTY.path(), actor.subject(), status, status, party.partyId()));
        return party;
    }

    Session scheduleSession(DisputeActor actor, DisputeCommands.NewSession command, Instant now) {
        Workflow.next(status, DisputeAction.SCHEDULE_SESSION);
        requireMediator(actor, DisputeAction.SCHEDULE_SESSION);
        boolean hasPlace = command.place() != null && !command.place().isBlank();
        if (!hasPlace && command.videoLink() == null) {
            throw DomainException.unprocessable("SESSION_PLACE_REQUIRED");
        }
        Session session = new Session(UUID.randomUUID().toString(), command.scheduledAt(),
                hasPlace ? command.place().strip() : null, command.videoLink(),
                command.attendees() == null ? List.of() : List.copyOf(command.attendees()), actor.subject(), null,
                null);
        sessions.add(session);
        history.add(new Event(now, DisputeAction.SCHEDULE_SESSION.path(), actor.subject(), status, status,
                session.sessionId()));
        return session;
    }

    Session recordSession(DisputeActor actor, String sessionId, DisputeCommands.SessionRecord command, Instant now) {
        Workflow.next(status, DisputeAction.RECORD_SESSION);
        requireMediator(actor, DisputeAction.RECORD_SESSION);
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            if (session.sessionId().equals(sessionId)) {
                if (session.record() != null) {
                    throw DomainException.conflict("SESSION_ALREADY_RECORDED", sessionId);
                }
                Session recorded = new Session(session.sessionId(), session.scheduledAt(), session.place(),
                        session.videoLink(), command.attendees() == null ? session.attendees()
                        : List.copyOf(command.attendees()), session.scheduledBy(), command.record().strip(), now);
                sessions.set(i, recorded);
                history.add(new Event(now, DisputeAction.RECORD_SESSION.path(), actor.subject(), status, status,
                        sessionId));
                return recorded;
            }
        }
        throw DomainException.notFound("SESSION_NOT_FOUND", sessionId);
    }

    /** The agreement, complete with its statutory contents (422 AGREEMENT_INCOMPLETE naming what is missing). */
    void agree(DisputeActor actor, DisputeCommands.AgreementDraft draft, Instant now) {
        DisputeStatus to = Workflow.next(status, DisputeAction.AGREE);
        requireMediator(actor, DisputeAction.AGREE);
        if (draft == null) {
            throw incomplete(List.of("agreement"));
        }
        List<String> missing = Agreement.missingParts(draft, parties);
        if (!missing.isEmpty()) {
            throw incomplete(missing);
        }
        LocalDate today = now.atZone(LOCAL).toLocalDate();
        if (agreement != null) {
            supersededAgreements.add(agreement);
        }
        agreement = Agreement.of(draft, now, today);
        agreedAt = now;
        followUpDue = today.plusDays(FOLLOW_UP_AFTER_DAYS);
        kpi = new Kpi(kpi.accepted(), 1, 1, 0, 0);
        outcome = null;
        move(to, DisputeAction.AGREE, actor, now, null);
    }

    void fail(DisputeActor actor, DisputeCommands.Referral referral, String reason, Instant now) {
        DisputeStatus to = Workflow.next(status, DisputeAction.FAIL);
        requireMediator(actor, DisputeAction.FAIL);
        if (referral == null) {
            throw DomainException.unprocessable("REFERRAL_REQUIRED");
        }
        outcome = new Outcome(referral, requireReason(reason, DisputeAction.FAIL));
        kpi = new Kpi(kpi.accepted(), 1, 0, 0, 0);
        move(to, DisputeAction.FAIL, actor, now, referral.name());
    }

    /**
     * A follow-up visit (回访). Performed or partly performed: FOLLOWED_UP. Not performed: FOLLOWED_UP as well,
     * unless {@code reopen}, which takes the case back into mediation (the agreement is kept as superseded).
     */
    void followUp(DisputeActor actor, DisputeCommands.FollowUpResult result, String note, boolean reopen,
                  Instant now) {
        DisputeStatus to = Workflow.next(status, DisputeAction.FOLLOW_UP);
        require(isMediator(actor) || actor.headOfOrganisation(), DisputeAction.FOLLOW_UP);
        if (result == null) {
            throw DomainException.unprocessable("FOLLOW_UP_RESULT_REQUIRED");
        }
        if (reopen && result != DisputeCommands.FollowUpResult.NOT_PERFORMED) {
            throw DomainException.unprocessable("REOPEN_ONLY_WHEN_NOT_PERFORMED");
        }
        followUps.add(new FollowUp(now, actor.subject(), result, note == null ? null : note.strip(), reopen));
        agreement = agreement.withPerformance(Agreement.Performance.valueOf(result.name()));
        followUpDue = null;
        if (reopen) {
            supersededAgreements.add(agreement);
            agreement = null;
            agreedAt = null;
            kpi = new Kpi(kpi.accepted(), 0, 0, 0, 0);
            move(DisputeStatus.IN_MEDIATION, DisputeAction.FOLLOW_UP, actor, now, "reopened: " + result);
        } else {
            move(to, DisputeAction.FOLLOW_UP, actor, now, result.name());
        }
    }

    void close(DisputeActor actor, Instant now) {
        DisputeStatus to = Workflow.next(status, DisputeAction.CLOSE);
        require(isMediator(actor) || actor.headOfOrganisation() || actor.commander(), DisputeAction.CLOSE);
        closedAt = now;
        double days = (now.toEpochMilli() - registeredAt.toEpochMilli()) / 86_400_000.0;
        kpi = new Kpi(kpi.accepted(), kpi.mediated(), kpi.agreed(), 1, Math.round(days * 100) / 100.0);
        move(to, DisputeAction.CLOSE, actor, now, null);
    }

    /** A party withdraws (or the mediator or head records a party's withdrawal). */
    void withdraw(DisputeActor actor, String reason, Instant now) {
        DisputeStatus to = Workflow.next(status, DisputeAction.WITHDRAW);
        require(isParty(actor) || isMediator(actor) || actor.headOfOrganisation(), DisputeAction.WITHDRAW);
        withdrawalReason = requireReason(reason, DisputeAction.WITHDRAW);
        move(to, DisputeAction.WITHDRAW, actor, now, withdrawalReason);
    }

    Recusal requestRecusal(DisputeActor actor, String objectedMediatorId, String reason, Instant now) {
        Workflow.next(status, DisputeAction.REQUEST_RECUSAL);
        require(isParty(actor) || isMediator(actor) || actor.headOfOrganisation(), DisputeAction.REQUEST_RECUSAL);
        if (!objectedMediatorId.equals(mediatorId)) {
            throw DomainException.unprocessable("MEDIATOR_NOT_ON_CASE", objectedMediatorId);
        }
        if (recusals.stream().anyMatch(r -> r.status() == RecusalStatus.PENDING)) {
            throw DomainException.conflict("RECUSAL_PENDING");
        }
        Recusal recusal = new Recusal(UUID.randomUUID().toString(), objectedMediatorId, actor.subject(),
                requireReason(reason, DisputeAction.REQUEST_RECUSAL), now, RecusalStatus.PENDING, null, null, null);
        recusals.add(recusal);
        history.add(new Event(now, DisputeAction.REQUEST_RECUSAL.path(), actor.subject(), status, status,
                recusal.recusalId()));
        return recusal;
    }

    /**
     * The head decides on a recusal. Upheld: the mediator leaves the case, which goes to {@code replacement}
     * (ASSIGNED) or, without one, back to ACCEPTED to be assigned again. Dismissed: nothing changes.
     */
    Recusal reviewRecusal(DisputeActor actor, String recusalId, boolean uphold, MediatorRef replacement,
                          long replacementCaseload, String note, Instant now) {
        Workflow.next(status, DisputeAction.REVIEW_RECUSAL);
        requireHead(actor, DisputeAction.REVIEW_RECUSAL);
        int index = -1;
        for (int i = 0; i < recusals.size(); i++) {
            if (recusals.get(i).recusalId().equals(recusalId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw DomainException.notFound("RECUSAL_NOT_FOUND", recusalId);
        }
        Recusal pending = recusals.get(index);
        if (pending.status() != RecusalStatus.PENDING) {
            throw DomainException.conflict("RECUSAL_ALREADY_REVIEWED", recusalId);
        }
        if (uphold && replacement != null && replacement.id().equals(pending.mediatorId())) {
            throw DomainException.unprocessable("REPLACEMENT_IS_RECUSED", replacement.id());
        }
        Recusal reviewed = new Recusal(pending.recusalId(), pending.mediatorId(), pending.requestedBy(),
                pending.reason(), pending.requestedAt(), uphold ? RecusalStatus.UPHELD : RecusalStatus.DISMISSED,
                actor.subject(), note, now);
        recusals.set(index, reviewed);
        if (!uphold) {
            history.add(new Event(now, DisputeAction.REVIEW_RECUSAL.path(), actor.subject(), status, status,
                    "dismissed"));
            return reviewed;
        }
        if (replacement != null) {
            putOnCase(replacement, replacementCaseload);
            move(DisputeStatus.ASSIGNED, DisputeAction.REVIEW_RECUSAL, actor, now, "upheld: " + replacement.name());
        } else {
            mediatorId = null;
            mediatorSubject = null;
            mediatorName = null;
            move(DisputeStatus.ACCEPTED, DisputeAction.REVIEW_RECUSAL, actor, now, "upheld");
        }
        return reviewed;
    }

    void recordJudicialConfirmation(DisputeActor actor, LocalDate appliedOn, Instant now) {
        if (agreement == null) {
            throw DomainException.conflict("NO_AGREEMENT");
        }
        require(isMediator(actor) || actor.headOfOrganisation() || isParty(actor), DisputeAction.FOLLOW_UP);
        if (appliedOn.isAfter(agreement.judicialConfirmationDeadline())) {
            throw DomainException.unprocessable("JUDICIAL_CONFIRMATION_TOO_LATE",
                    agreement.judicialConfirmationDeadline());
        }
        agreement = agreement.withJudicialConfirmationApplied(appliedOn);
        history.add(new Event(now, "judicial-confirmation", actor.subject(), status, status, appliedOn.toString()));
    }

    /**
     * Escalated to the organisation's head ({@code head}, null while none is appointed) once past the due date:
     * what the overdue sweep records, in one conditional update, for a dispute it finds (generated data records
     * it this way).
     */
    void escalate(String head, Instant now) {
        escalatedAt = now;
        escalatedTo = head;
        history.add(new Event(now, "escalate", "system", status, status, head));
    }

    // --- grid-service: village check and police liaison --------------------------------------------------------

    /** grid-service answered: a village (VERIFIED) or none (NOT_A_VILLAGE); a pending check is settled. */
    void villageChecked(VillageCheck check, Instant now) {
        this.villageCheck = check;
        if (villageDelivery != null && villageDelivery.pending()) {
            villageDelivery = check.status() == VillageCheck.Status.VERIFIED
                    ? villageDelivery.delivered(check.villageName(), now)
                    : villageDelivery.rejected(check.lastError(), now);
        }
    }

    /** grid-service could not be asked: the dispute stays UNVERIFIED and the check is tried again later. */
    void villageCheckUnavailable(String error, Instant now) {
        this.villageCheck = new VillageCheck(VillageCheck.Status.UNVERIFIED, null, now, error);
        Delivery current = villageDelivery != null && villageDelivery.pending() ? villageDelivery
                : Delivery.pending("village-check-" + id, now);
        this.villageDelivery = current.failed(error, now);
    }

    void liaisonFetched(PoliceLiaison fetched, Instant now) {
        this.liaison = fetched;
        if (liaisonDelivery != null && liaisonDelivery.pending()) {
            liaisonDelivery = liaisonDelivery.delivered(fetched.villageCode(), now);
        }
    }

    /** grid-service could not be asked now: the liaison fills in later (a liaison fetched before stays meanwhile). */
    void liaisonUnavailable(String error, Instant now) {
        Delivery current = liaisonDelivery != null && liaisonDelivery.pending() ? liaisonDelivery
                : Delivery.pending("police-liaison-" + id, now);
        this.liaisonDelivery = current.failed(error, now);
    }

    /** grid-service has no liaison for the place (no village, or not a village): nothing to fetch. */
    void liaisonNotAvailable(String error, Instant now) {
        if (liaisonDelivery != null && liaisonDelivery.pending()) {
            liaisonDelivery = liaisonDelivery.rejected(error, now);
        }
    }

    boolean liaisonPending() {
        return liaisonDelivery != null && liaisonDelivery.pending();
    }

    boolean villageCheckPending() {
        return villageDelivery != null && villageDelivery.pending();
    }

    // --- rules ------------------------------------------------------------------------------------------------

    private void putOnCase(MediatorRef mediator, long caseload) {
        if (!mediator.active()) {
            throw DomainException.unprocessable("MEDIATOR_INACTIVE", mediator.id());
        }
        if (!mediator.organisationId().equals(organisationId)) {
            throw DomainException.unprocessable("MEDIATOR_OF_OTHER_ORGANISATION", mediator.id(), organisationId);
        }
        if (recusals.stream()
                .anyMatch(r -> r.status() == RecusalStatus.UPHELD && r.mediatorId().equals(mediator.id()))) {
            throw DomainException.unprocessable("REPLACEMENT_IS_RECUSED", mediator.id());
        }
        if (caseload >= mediator.capacity()) {
            throw DomainException.conflict("MEDIATOR_AT_CAPACITY", mediator.id(), mediator.capacity());
        }
        mediatorId = mediator.id();
        mediatorSubject = mediator.subject();
        mediatorName = mediator.name();
    }

    private void move(DisputeStatus to, DisputeAction action, DisputeActor actor, Instant now, String note) {
        history.add(new Event(now, action.path(), actor.subject(), status, to, note));
        status = to;
    }

    boolean isMediator(DisputeActor actor) {
        return mediatorSubject != null && mediatorSubject.equals(actor.subject());
    }

    boolean isParty(DisputeActor actor) {
        return partySubjects.contains(actor.subject());
    }

    private void requireMediator(DisputeActor actor, DisputeAction action) {
        require(isMediator(actor), action);
    }

    private void requireHead(DisputeActor actor, DisputeAction action) {
        require(actor.headOfOrganisation() || actor.commander(), action);
    }

    private static void require(boolean allowed, DisputeAction action) {
        if (!allowed) {
            throw DomainException.forbidden("DISPUTE_ACTION_FORBIDDEN", action.path());
        }
    }

    private static String requireReason(String reason, DisputeAction action) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.unprocessable("REASON_REQUIRED", action.path());
        }
        return reason.strip();
    }

    private static DomainException incomplete(List<String> missing) {
        return DomainException.unprocessable("AGREEMENT_INCOMPLETE", String.join(", ", missing))
                .withFieldErrors(missing.stream()
                        .map(part -> new DomainException.FieldError("agreement." + part, "agreement.part.missing"))
                        .toList());
    }

    // --- reading ----------------------------------------------------------------------------------------------

    Optional<Party> party(String partyId) {
        return parties.stream().filter(p -> p.partyId().equals(partyId)).findFirst();
    }

    String id() { return id; }
    DisputeSource source() { return source; }
    String incidentId() { return incidentId; }
    String incidentNumber() { return incidentNumber; }
    String countyCode() { return countyCode; }
    String townCode() { return townCode; }
    String villageCode() { return villageCode; }
    VillageCheck villageCheck() { return villageCheck; }
    PoliceLiaison liaison() { return liaison; }
    Delivery villageDelivery() { return villageDelivery; }
    Delivery liaisonDelivery() { return liaisonDelivery; }
    DisputeCategory category() { return category; }
    String description() { return description; }
    Long amountAtStake() { return amountAtStake; }
    List<Party> parties() { return parties; }
    List<String> partySubjects() { return partySubjects; }
    String registeredBy() { return registeredBy; }
    Instant registeredAt() { return registeredAt; }
    Instant occurredAt() { return occurredAt; }
    String period() { return period; }
    DisputeStatus status() { return status; }
    String organisationId() { return organisationId; }
    String mediatorId() { return mediatorId; }
    String mediatorSubject() { return mediatorSubject; }
    String mediatorName() { return mediatorName; }
    Instant dueAt() { return dueAt; }
    Instant escalatedAt() { return escalatedAt; }
    String escalatedTo() { return escalatedTo; }
    String declineReason() { return declineReason; }
    String withdrawalReason() { return withdrawalReason; }
    Outcome outcome() { return outcome; }
    Agreement agreement() { return agreement; }
    LocalDate followUpDue() { return followUpDue; }
    List<Session> sessions() { return sessions; }
    List<FollowUp> followUps() { return followUps; }
    List<Recusal> recusals() { return recusals; }
    Instant acceptedAt() { return acceptedAt; }
    Instant agreedAt() { return agreedAt; }
    Instant closedAt() { return closedAt; }
    Kpi kpi() { return kpi; }
    List<Event> history() { return history; }
    Long version() { return version; }
}
