package cn.lishui.police.overseas.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.lishui.police.overseas.access.Staff;
import cn.lishui.police.overseas.client.Failures;
import cn.lishui.police.overseas.client.PublicServiceClient;
import cn.lishui.police.overseas.client.ServiceIdentity;
import cn.lishui.police.overseas.compatriot.Compatriots;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryFailures;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.security.Caller;
import feign.FeignException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 全球通办 through the portal. An application is saved first (with its pending hand-off), then forwarded to
 * public-service once in the same request; if public-service is down it stays QUEUED in its document and
 * {@link PortalApplicationQueue} delivers it later. Every attempt is made as overseas-service (role SERVICE)
 * with the same key and the same bytes, so public-service keeps exactly one application however often it is
 * sent. After each write that leaves the hand-off pending the queue is told to look again ({@link PendingHandOffs}).
 */
@Service
class PortalApplications {

    static final String CHANNEL = "OVERSEAS_STATION";
    /**
     * The scheduler leaves a new hand-off alone this long, so it does not race the first attempt made in the
     * request (harmless thanks to the key, but a wasted call); after a crash it picks the hand-off up then.
     */
    static final Duration INLINE_ATTEMPT_GRACE = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final PublicServiceClient publicService;
    private final GlobalServiceList globalList;
    private final Compatriots compatriots;
    private final JsonMapper json;
    private final PendingHandOffs pending;
    private final Clock clock;

    PortalApplications(MongoTemplate mongo, PublicServiceClient publicService, GlobalServiceList globalList,
                       Compatriots compatriots, JsonMapper json, PendingHandOffs pending, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.pending = pending;
        this.publicService = publicService;
        this.globalList = globalList;
        this.compatriots = compatriots;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    static String keyOf(String applicationId) {
        return "overseas-portal-application-" + applicationId;
    }

    PortalApplication apply(PortalCommands.Apply command, Caller caller) {
        Compatriots.Profile compatriot;
        boolean byStation = !(caller.hasRole("COMPATRIOT") && !Staff.atAStation(caller));
        Instant now = clock.instant();
        VideoIdentityCheck videoCheck = null;
        if (!byStation) {
            compatriot = compatriots.profileOfCaller(caller);
        } else {
            if (command.compatriotId() == null) {
                throw DomainException.badRequest("COMPATRIOT_ID_REQUIRED");
            }
            compatriot = compatriots.profileFor(command.compatriotId(), caller);
            if (!Staff.ofStation(caller, compatriot.stationId())) {
                throw DomainException.forbidden("FORBIDDEN");
            }
            if (command.proxyAuthority() == null) {
                throw DomainException.unprocessable("PROXY_AUTHORITY_REQUIRED");
            }
            if (!command.proxyAuthority().validUntil().isAfter(now)) {
                throw DomainException.unprocessable("PROXY_AUTHORITY_EXPIRED", command.proxyAuthority().validUntil());
            }
            if (command.videoCheck() == null) {
                throw DomainException.unprocessable("VIDEO_CHECK_REQUIRED");
            }
            if (command.videoCheck().result() != VideoIdentityCheck.Result.PASSED) {
                throw DomainException.unprocessable("VIDEO_CHECK_NOT_PASSED", command.videoCheck().result());
            }
            videoCheck = command.videoCheck().by(caller.subject());
        }
        // the last known global list decides; with no list at all (public-service never reached) public-service will
        Optional<Optional<PublicServiceClient.Item>> known = globalList.find(command.itemCode());
        if (known.isPresent() && known.get().isEmpty()) {
            throw DomainException.unprocessable("ITEM_NOT_GLOBAL", command.itemCode());
        }
        String itemName = known.flatMap(item -> item).map(PublicServiceClient.Item::name).orElse(null);
        String id = UUID.randomUUID().toString();
        // compatriots registered by a station without an account of their own apply under a stable stand-in
        String onBehalfOf = compatriot.subject() != null ? compatriot.subject() : "overseas-compatriot:" + compatriot.id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itemCode", command.itemCode());
        body.put("channel", CHANNEL);
        body.put("form", command.formOrEmpty());
        body.put("onBehalfOf", onBehalfOf);
        PortalApplication application = new PortalApplication(id, compatriot.id(), onBehalfOf, compatriot.stationId(),
                command.itemCode(), itemName, caller.subject(), byStation, byStation ? command.proxyAuthority() : null,
                videoCheck, json.writeValueAsString(body), Delivery.pending(keyOf(id), now.plus(INLINE_ATTEMPT_GRACE)), null, null, null, now);
        mongo.insert(application);
        pending.applicationMayBePending();
        Attempt first = attempt(id);
        if (first.outcome() == Delivery.Outcome.REJECTED && Failures.status(first.failure()) == 422) {
            // public-service refused the form itself while the user is here: nothing was applied, so the
            // user corrects the form (its field errors, in the user's language) instead of tracking a refusal
            mongo.remove(Query.query(Criteria.where("_id").is(id)), PortalApplication.class);
            throw formRefused(first.failure());
        }
        return mongo.findById(id, PortalApplication.class);
    }

    /** One attempt to hand the application to public-service; records how it went in the document. */
    Delivery.Outcome deliver(String id) {
        return attempt(id).outcome();
    }

    private record Attempt(Delivery.Outcome outcome, RuntimeException failure) {
    }

    /** 422 FORM_INVALID with public-service's own field errors ({@code form.<name>}). */
    private DomainException formRefused(RuntimeException failure) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FeignException refused) {
                try {
                    JsonNode problem = json.readTree(refused.contentUTF8());
                    problem.path("errors").forEach(error -> errors.add(new DomainException.FieldError(
                            error.path("field").asString(), error.path("message").asString())));
                } catch (RuntimeException unreadable) {
                    // no field errors to pass on: the problem's code still tells what happened
                }
                break;
            }
        }
        return DomainException.unprocessable("FORM_INVALID", errors.size()).withFieldErrors(errors);
    }

    private Attempt attempt(String id) {
        PortalApplication application = mongo.findById(id, PortalApplication.class);
        if (application == null || !application.delivery().pending()) {
            return new Attempt(Delivery.Outcome.SKIPPED, null);
        }
        Delivery delivery = application.delivery();
        Query stillPending = Query.query(Criteria.where("_id").is(id).and("delivery.status").is(Delivery.Status.PENDING));
        try {
            PublicServiceClient.Application accepted = ServiceIdentity.call(
                    () -> publicService.apply(delivery.key(), application.applyJson()));
            Instant now = clock.instant();
            mongo.updateFirst(stillPending, new Update().set("delivery", delivery.delivered(accepted.id(), now))
                    .set("publicApplicationId", accepted.id()).set("remoteStatus", accepted.status())
                    .set("itemName", accepted.itemName() != null ? accepted.itemName() : application.itemName())
                    .set("statusCheckedAt", now), PortalApplication.class);
            return new Attempt(Delivery.Outcome.DELIVERED, null);
        } catch (RuntimeException failure) {
            Instant now = clock.instant();
            String error = DeliveryFailures.describe(failure);
            if (DeliveryFailures.permanent(failure)) {
                mongo.updateFirst(stillPending, new Update().set("delivery", delivery.rejected(error, now)),
                        PortalApplication.class);
                return new Attempt(Delivery.Outcome.REJECTED, failure);
            }
            mongo.updateFirst(stillPending, new Update().set("delivery", delivery.failed(error, now)),
                    PortalApplication.class);
            pending.applicationMayBePending();
            return new Attempt(Delivery.Outcome.RETRY, failure);
        }
    }

    /** The application with public-service's current status; the last known one, marked stale, if it cannot say. */
    PortalApplicationView track(String id, Caller caller) {
        PortalApplication application = get(id, caller);
        if (application.publicApplicationId() == null) {
            return PortalApplicationView.of(application, false);
        }
        try {
            PublicServiceClient.Application current = ServiceIdentity.call(
                    () -> publicService.application(application.publicApplicationId()));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                    .set("remoteStatus", current.status()).set("statusCheckedAt", clock.instant()),
                    PortalApplication.class);
            return PortalApplicationView.of(mongo.findById(id, PortalApplication.class), false);
        } catch (RuntimeException unavailable) {
            return PortalApplicationView.of(application, true);
        }
    }

    PortalApplication get(String id, Caller caller) {
        PortalApplication application = mongo.findById(id, PortalApplication.class);
        if (application == null || !maySee(application, caller)) {
            throw DomainException.notFound("PORTAL_APPLICATION_NOT_FOUND", id);
        }
        return application;
    }

    Page<PortalApplication> list(Caller caller, Pageable pageable) {
        Criteria criteria;
        if (Staff.overseeing(caller)) {
            criteria = new Criteria();
        } else if (Staff.atAStation(caller)) {
            criteria = Criteria.where("stationId").is(caller.stationId());
        } else {
            criteria = Criteria.where("compatriotId").is(compatriots.profileOfCaller(caller).id());
        }
        Query query = Query.query(criteria);
        return MongoPages.find(mongo, query, pageable, Sort.by(Sort.Direction.DESC, "createdAt"), PortalApplication.class);
    }

    /** Counts by state (QUEUED, SUBMITTED, REJECTED), every state present. */
    Map<String, Long> countByState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Delivery.Status status : Delivery.Status.values()) {
            String state = switch (status) {
                case PENDING -> "QUEUED";
                case DELIVERED -> "SUBMITTED";
                case REJECTED -> "REJECTED";
            };
            counts.put(state, mongo.count(Query.query(Criteria.where("delivery.status").is(status)),
                    PortalApplication.class));
        }
        return counts;
    }

    private boolean maySee(PortalApplication application, Caller caller) {
        if (Staff.ofStation(caller, application.stationId())) {
            return true;
        }
        return caller.hasRole("COMPATRIOT") && compatriots.profile(application.compatriotId())
                .map(c -> caller.subject().equals(c.subject())).orElse(false);
    }
}
