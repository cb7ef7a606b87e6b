package cn.lishui.police.publicservice.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import cn.lishui.police.platform.security.Caller;
import cn.lishui.police.publicservice.catalogue.CatalogueEntry;
import cn.lishui.police.publicservice.catalogue.Channel;
import cn.lishui.police.publicservice.catalogue.ServiceItemCatalogue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Applications for service items: submitting, the clerk's workflow, who sees what, and the SLA due time. */
@Service
@EnableConfigurationProperties(CalendarProperties.class)
class Applications {

    private static final String[] STAFF = {"WINDOW_CLERK", "COMMANDER", "ADMIN"};

    private final ApplicationRepository applications;
    private final ServiceItemCatalogue catalogue;
    private final CalendarProperties calendar;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final MeterRegistry meters;

    Applications(ApplicationRepository applications, ServiceItemCatalogue catalogue, CalendarProperties calendar,
                 ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        this.applications = applications;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.workingDays = calendar.workingDays();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    Instant now() {
        return clock.instant();
    }

    Application apply(Caller applicant, ApplicationCommands.Apply command) {
        CatalogueEntry item = catalogue.guideOf(command.itemCode());
        if (command.channel() == Channel.OVERSEAS_STATION && !item.global()) {
            throw DomainException.unprocessable("ITEM_NOT_GLOBAL", item.code());
        }
        if (!item.channels().contains(command.channel())) {
            throw DomainException.unprocessable("CHANNEL_NOT_OFFERED", item.code(), command.channel());
        }
        FormValidation.check(item.form(), command.formOrEmpty());
        Instant now = now();
        Application saved = applications.save(new Application(item.code(), item.name(), item.department(),
                command.channel(), applicant.subject(), command.formOrEmpty(), item.instant(),
                item.promisedLimitDays(), now, dueAt(now, item.promisedLimitDays())));
        count(saved);
        return saved;
    }

    Page<Application> list(Caller caller, boolean mine, Pageable pageable) {
        if (mine || !caller.hasAnyRole(STAFF)) {
            return applications.findByApplicantId(caller.subject(), pageable);
        }
        return applications.findAll(pageable);
    }

    /** The application, if the caller may see it: its applicant or staff; 404 for anyone else. */
    Application get(Caller caller, String id) {
        Application application = applications.findById(id)
                .orElseThrow(() -> DomainException.notFound("APPLICATION_NOT_FOUND", id));
        if (!caller.hasAnyRole(STAFF) && !application.applicantId().equals(caller.subject())) {
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
        application.act(action, clerk.subject(), clerk.stationId(), details.reason(), missing, now,
                dueAt(now, application.promisedLimitDays()));
        Application saved = applications.save(application);
        count(saved);
        return saved;
    }

    /** Applications by department, channel and status they reached (the metrics). */
    private void count(Application application) {
        meters.counter("fengqiao.public.applications", "department", application.department().name(),
                "channel", application.channel().name(), "status", application.status().name()).increment();
    }

    /** The end of the last working day of the limit, counted from {@code start} in the calendar's zone. */
    Instant dueAt(Instant start, int promisedLimitDays) {
        LocalDate startDay = start.atZone(calendar.zone()).toLocalDate();
        return workingDays.addWorkingDays(startDay, promisedLimitDays).plusDays(1).atStartOfDay(calendar.zone())
                .toInstant();
    }
}
