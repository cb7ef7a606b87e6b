package cn.lishui.police.mediation.dispute;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import cn.lishui.police.mediation.mediator.MediatorRef;
import cn.lishui.police.mediation.organisation.OrganisationRef;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Generated disputes (the demo data, the benchmark's): a registered dispute walked through the real workflow
 * methods to a chosen stage, so its history, dates, session, agreement, follow-up and KPI fields are what the
 * service itself would have recorded. The organisation's head (here a commander acting as the loader,
 * {@code by}) accepts, assigns, declines and records withdrawals; the mediator does the rest. Steps follow
 * the registration: accepted after 2 hours, assigned after 4, mediation started the next day with a session
 * the day after; the outcome on {@link Plan#concluded}, the follow-up visit 15 days after an agreement.
 */
final class SeedDisputes {

    /** Where the walk stops. */
    enum Stage {
        REGISTERED, WITHDRAWN, DECLINED, ACCEPTED, ASSIGNED, IN_MEDIATION, FAILED, FAILED_CLOSED, AGREED, CLOSED;

        boolean mediated() {
            return compareTo(IN_MEDIATION) > 0;
        }
    }

    /**
     * The walk's end and its outcome.
     *
     * @param concluded when the mediation ended (FAILED, FAILED_CLOSED, AGREED, CLOSED); at least 2 days after
     *                  the registration
     * @param referral  where a failed mediation sends the parties
     * @param followUp  the visit's finding (CLOSED)
     */
    record Plan(Stage stage, Instant concluded, DisputeCommands.Referral referral, String referralReason,
                DisputeCommands.FollowUpResult followUp) {

        static Plan of(Stage stage) {
            return new Plan(stage, null, null, null, null);
        }

        static Plan agreed(Stage stage, Instant concluded, DisputeCommands.FollowUpResult followUp) {
            return new Plan(stage, concluded, null, null, followUp);
        }

        static Plan failed(Stage stage, Instant concluded, DisputeCommands.Referral referral, String reason) {
            return new Plan(stage, concluded, referral, reason, null);
        }
    }

    private final DisputeActor head;

    /** @param by the subject recorded as the loader (who registers, and heads the organisations meanwhile) */
    SeedDisputes(String by) {
        this.head = new DisputeActor(by, Set.of("COMMANDER"), true);
    }

    /** Where a loader records that its disputes are written: one small document per loader. */
    static final String SEEDS = "dispute_seeds";

    /**
     * Whether the disputes of the loader {@code by} are in the store already: its mark in {@value #SEEDS}, read by
     * id. Data written before the marks existed is found by a find of one of its disputes, which then leaves the
     * mark. That find has no index on the embedded store and waits for the disputes collection behind the other
     * start-up scans (1 min 40 s and 32 s before readiness in one restart at 100,000 disputes), so it happens
     * once per data directory.
     */
    static boolean written(MongoTemplate mongo, String by) {
        if (mongo.findById(by, Document.class, SEEDS) != null) {
            return true;
        }
        Query first = Query.query(Criteria.where("registeredBy").is(by)).limit(1);
        first.fields().include("_id");
        boolean found = mongo.findOne(first, Dispute.class) != null;
        if (found) {
            markWritten(mongo, by);
        }
        return found;
    }

    /** Records that the disputes of the loader {@code by} are all written (after the last of them). */
    static void markWritten(MongoTemplate mongo, String by) {
        mongo.save(new Document("_id", by).append("writtenAt", Date.from(Instant.now())), SEEDS);
    }

    /** {@code dispute} (just registered at {@code registered}) walked to {@code plan.stage()}; returned for chaining. */
    Dispute walk(Dispute dispute, Plan plan, OrganisationRef organisation, MediatorRef mediator) {
        Instant registered = dispute.registeredAt();
        switch (plan.stage()) {
            case REGISTERED -> {
                return dispute;
            }
            case WITHDRAWN -> {
                dispute.withdraw(head, "双方已自行和解", registered.plus(Duration.ofHours(5)));
                return dispute;
            }
            case DECLINED -> {
                dispute.decline(head, "已起诉至法院，不再受理", registered.plus(Duration.ofHours(5)));
                return dispute;
            }
            default -> {
            }
        }
        dispute.accept(head, organisation, registered.plus(Duration.ofHours(2)));
        if (plan.stage() == Stage.ACCEPTED) {
            return dispute;
        }
        DisputeActor desk = new DisputeActor(mediator.subject(), Set.of("MEDIATOR"), false);
        dispute.assign(head, mediator, 0, registered.plus(Duration.ofHours(4)));
        if (plan.stage() == Stage.ASSIGNED) {
            return dispute;
        }
        Instant started = registered.plus(Duration.ofDays(1));
        dispute.start(desk, started);
        Instant meeting = started.plus(Duration.ofDays(1)).plus(Duration.ofHours(3));
        Dispute.Session session = dispute.scheduleSession(desk, new DisputeCommands.NewSession(meeting, "调解室",
                null, List.of()), started);
        if (plan.stage() == Stage.IN_MEDIATION) {
            return dispute;
        }
        Instant concluded = plan.concluded().isAfter(meeting) ? plan.concluded() : meeting.plus(Duration.ofHours(2));
        dispute.recordSession(desk, session.sessionId(), new DisputeCommands.SessionRecord(
                "双方陈述了各自意见，调解员释法说理。", null), meeting.plus(Duration.ofHours(1)));
        if (plan.stage() == Stage.FAILED || plan.stage() == Stage.FAILED_CLOSED) {
            dispute.fail(desk, plan.referral(), plan.referralReason(), concluded);
            if (plan.stage() == Stage.FAILED_CLOSED) {
                dispute.close(head, concluded.plus(Duration.ofDays(1)));
            }
            return dispute;
        }
        dispute.agree(desk, agreement(dispute, concluded), concluded);
        if (plan.stage() == Stage.AGREED) {
            return dispute;
        }
        Instant visited = concluded.plus(Duration.ofDays(Dispute.FOLLOW_UP_AFTER_DAYS));
        dispute.followUp(desk, plan.followUp(), "回访：双方已按协议履行", false, visited);
        dispute.close(desk, visited.plus(Duration.ofHours(2)));
        return dispute;
    }

    /**
     * A dispute still open past its due date is escalated to the head, as the overdue sweep would have done within
     * minutes (its interval) of the due date: generated data does not leave the sweep hundreds to catch up with.
     */
    Dispute escalatedIfOverdue(Dispute dispute, OrganisationRef organisation, Instant now) {
        if (dispute.status().open() && dispute.dueAt().isBefore(now)) {
            Instant swept = dispute.dueAt().plus(Duration.ofMinutes(5));
            dispute.escalate(organisation.headId(), swept.isBefore(now) ? swept : now);
        }
        return dispute;
    }

    private static DisputeCommands.AgreementDraft agreement(Dispute dispute, Instant on) {
        return new DisputeCommands.AgreementDraft("双方就" + dispute.description() + "达成一致。", "双方各负其责。",
                "一方于约定期限内赔偿另一方损失，双方不再就此事争执。", "现金或转账一次付清", "调解室",
                LocalDate.ofInstant(on, Dispute.LOCAL).plusDays(10),
                dispute.parties().stream().map(Party::partyId).toList(), true, true);
    }
}
