package cn.lishui.police.publicservice.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import cn.lishui.police.platform.security.Caller;
import cn.lishui.police.publicservice.catalogue.CatalogueEntry;
import cn.lishui.police.publicservice.catalogue.Channel;
import cn.lishui.police.publicservice.catalogue.ServiceItemCatalogue;
import cn.lishui.police.publicservice.proxy.Proxies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Applications for service items: submitting, the clerk's workflow, who sees what, and the SLA due time. */
@Service
@EnableConfigurationProperties(CalendarProperties.class)
class Applications {

    /** Exported as fengqiao_public_applications_sla_breaches_total{department}. */
    static final String SLA_BREACHES = "fengqiao.public.applications.sla.breaches";

    private static final String[] STAFF = {"WINDOW_CLERK", "COMMANDER", "ADMIN"};
    /** A service's own client-credentials token (contracts 6 and 7: overseas-service for compatriots). */
    private static final String SERVICE = "SERVICE";

    private final ApplicationRepository applications;
    private final ServiceItemCatalogue catalogue;
    private final CalendarProperties calendar;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final MeterRegistry meters;
    private final MongoTemplate mongo;
    private final Proxies proxies;

    Applications(ApplicationRepository applications, ServiceItemCatalogue catalogue, CalendarProperties calendar,
                 ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters, MongoTemplate mongo,
                 Proxies proxies) {
        this.applications = applications;
        this.proxies = proxies;
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.workingDays = calendar.workingDays();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    Instant now() {
        return clock.instant();
    }

    MeterRegistry meters() {
        return meters;
    }

    /**
     * An applicant (CITIZEN or COMPATRIOT) applies for themself; an overseas station's staff (station_id) apply
     * for a compatriot ({@code onBehalfOf}) through the OVERSEAS_STATION channel under a valid proxy; a service
     * (role SERVICE: overseas-service, which checked the proxy and the identity itself) applies for a compatriot
     * for a global item through OVERSEAS_STATION or ONLINE.
     */
    Application apply(Caller caller, ApplicationCommands.Apply command) {
        if (command.onBehalfOf() == null && !caller.hasAnyRole("CITIZEN", "COMPATRIOT")) {
            throw DomainException.forbidden("FORBIDDEN");
        }
        CatalogueEntry item = catalogue.guideOf(command.itemCode());
        if (command.channel() == Channel.OVERSEAS_STATION && !item.global()) {
            throw DomainException.unprocessable("ITEM_NOT_GLOBAL", item.code());
        }
        if (!item.channels().contains(command.channel())) {
            throw DomainException.unprocessable("CHANNEL_NOT_OFFERED", item.code(), command.channel());
        }
        FormValidation.check(item.form(), command.formOrEmpty());
        Instant now = now();
        String proxyId = null;
        boolean forwardedByService = command.onBehalfOf() != null && caller.hasRole(SERVICE);
        if (forwardedByService) {
            // overseas-service forwards a compatriot's 全球通办 application (its own or made by station staff under
            // the proxy and video identity check recorded there): global items only, online or through a station
            if (!item.global()) {
                throw DomainException.unprocessable("ITEM_NOT_GLOBAL", item.code());
            }
            if (command.channel() != Channel.OVERSEAS_STATION && command.channel() != Channel.ONLINE) {
                throw DomainException.unprocessable("PROXY_CHANNEL_REQUIRED", command.channel());
            }
        } else if (command.onBehalfOf() != null) {
            if (command.channel() != Channel.OVERSEAS_STATION) {
                throw DomainException.unprocessable("PROXY_CHANNEL_REQUIRED", command.channel());
            }
            proxyId = proxies.requireValidProxy(command.onBehalfOf(), caller.stationId(), item.code(), now);
        }
        String applicantId = command.onBehalfOf() == null ? caller.subject() : command.onBehalfOf();
        Application application = new Application(item.code(), item.name(), item.department(),
                command.channel(), applicantId, command.formOrEmpty(), item.instant(),
                item.promisedLimitDays(), now, dueAt(now, item.promisedLimitDays()));
        if (proxyId != null || forwardedByService) {
            application.appliedByProxy(proxyId, caller.stationId(), caller.subject());
        }
        Application saved = applications.save(application);
        count(saved);
        return saved;
    }

    Page<Application> list(Caller caller, boolean mine, Pageable pageable) {
        if (mine || !caller.hasAnyRole(STAFF)) {
            return applications.findByApplicantId(caller.subject(), pageable);
        }
        return applications.findAll(pageable);
    }

    /** The application, if the caller may see it: its applicant, staff or a service; 404 for anyone else. */
    Application get(Caller caller, String id) {
        Application application = applications.findById(id)
                .orElseThrow(() -> DomainException.notFound("APPLICATION_NOT_FOUND", id));
        boolean proxyStation = application.proxyStationId() != null
                && application.proxyStationId().equals(caller.stationId());
        if (!caller.hasAnyRole(STAFF) && !caller.hasRole(SERVICE) && !proxyStation
                && !application.applicantId().equals(caller.subject())) {
            throw DomainException.notFound("APPLICATION_NOT_FOUND", id);
        }
        return application;
    }

    Application act(Caller clerk, String id, ApplicationAction action, ApplicationCommands.Act details) {
        Application application = get(clerk, id);
        if (application.stationId() != null && !application.stationId().equals(clerk.stationId())) {
            // once accepted, an application is processed by the station that accepted it
            throw DomainException.forbidden("OTHER_STATION", id, application.stationId());
        }
        List<String> missing = details.missingMaterials() == null ? List.of() : details.missingMaterials();
        if (Workflow.allowed(application.status(), action)) {
            if (action == ApplicationAction.REQUEST_MATERIALS && missing.isEmpty()) {
                throw DomainException.unprocessable("MISSING_MATERIALS_REQUIRED");
            }
            if ((action == ApplicationAction.REJECT || action == ApplicationAction.DENY)
                    && (details.reason() == null || details.reason().isBlank())) {
                throw DomainException.unprocessable("REASON_REQUIRED", action.path());
            }
        }
        Instant now = now();
        boolean breachedBefore = application.slaBreached();
        application.act(action, clerk.subject(), clerk.stationId(), details.reason(), missing, now,
                dueAt(now, application.promisedLimitDays()));
        Application saved = applications.save(application);
        count(saved);
        if (!breachedBefore && saved.slaBreached()) {
            countSlaBreach(saved);
        }
        return saved;
    }

    /**
     * A clerk records the applicant's visit to their window. Visits beyond the item's maximum (0 or 1) flag the
     * application as an "at most one visit" breach, counted once per application.
     */
    Application recordVisit(Caller clerk, String id, ApplicationCommands.RecordVisit command) {
        Application application = get(clerk, id);
        if (application.stationId() != null && !application.stationId().equals(clerk.stationId())) {
            throw DomainException.forbidden("OTHER_STATION", id, application.stationId());
        }
        int maxVisits = catalogue.guideOf(application.itemCode()).maxVisits();
        boolean breach = application.recordVisit(new Application.Visit(now(), clerk.subject(), clerk.stationId(),
                command == null ? null : command.note()), maxVisits);
        Application saved = applications.save(application);
        if (breach) {
            Counter.builder("fengqiao.public.applications.visit.breaches")
                    .description("Applications whose applicant had to come more often than the item allows")
                    .tag("department", saved.department().name()).register(meters).increment();
        }
        return saved;
    }

    /**
     * Marks the unfinished applications past their due time as SLA breaches, each once (the flag is set only
     * where it is not yet set, in one atomic update per application). Returns how many were newly marked.
     */
    int sweepOverdue() {
        Instant now = now();
        List<ApplicationStatus> unfinished = Arrays.stream(ApplicationStatus.values())
                .filter(status -> !status.finished()).toList();
        int marked = 0;
        Query candidates = new Query(Criteria.where("status").in(unfinished).and("dueAt").lt(now)
                .and("slaBreached").ne(true));
        for (Application overdue : mongo.find(candidates, Application.class)) {
            Query notYetMarked = new Query(Criteria.where("_id").is(overdue.id()).and("slaBreached").ne(true)
                    .and("status").in(unfinished));
            long modified = mongo.updateFirst(notYetMarked,
                    // bumping the version makes a clerk's concurrent save of a stale copy a 409, not a lost flag
                    new Update().set("slaBreached", true).set("slaBreachedAt", now).inc("version", 1),
                    Application.class)
                    .getModifiedCount();
            if (modified == 1) {
                countSlaBreach(overdue);
                marked++;
            }
        }
        return marked;
    }

    private void countSlaBreach(Application application) {
        Counter.builder(SLA_BREACHES).description("Applications past their promised working-day limit")
                .tag("department", application.department().name()).register(meters).increment();
    }

    /** Applications by department, channel and status they reached (the metrics). */
    private void count(Application application) {
        Counter.builder("fengqiao.public.applications").description("Applications reaching a status")
                .tag("department", application.department().name()).tag("channel", application.channel().name())
                .tag("status", application.status().name()).register(meters).increment();
        if (application.status().finished()) {
            ApplicationMetrics.finished(meters, application);
        }
    }

    /** The end of the last working day of the limit, counted from {@code start} in the calendar's zone. */
    Instant dueAt(Instant start, int promisedLimitDays) {
        LocalDate startDay = start.atZone(calendar.zone()).toLocalDate();
        return workingDays.addWorkingDays(startDay, promisedLimitDays).plusDays(1).atStartOfDay(calendar.zone())
                .toInstant();
    }
}
