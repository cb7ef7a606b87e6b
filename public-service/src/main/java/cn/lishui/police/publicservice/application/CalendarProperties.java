package cn.lishui.police.publicservice.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working-day calendar of the time limits (fengqiao.public.calendar in application.yml): the public
 * holidays and make-up workdays the State Council publishes each year, and the zone the days are counted in.
 */
@ConfigurationProperties("fengqiao.public.calendar")
record CalendarProperties(List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, ZoneId zone) {

    CalendarProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        makeUpWorkdays = makeUpWorkdays == null ? List.of() : List.copyOf(makeUpWorkdays);
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }

    WorkingDays workingDays() {
        return new WorkingDays(holidays, makeUpWorkdays);
    }
}
