package cn.lishui.police.grid.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Market days by Gregorian last digit and by lunar day, against known calendar dates. */
class MarketScheduleTest {

    @Test
    void daysEndingInOneFourSevenIncludeThe31st() {
        MarketSchedule schedule = new MarketSchedule(MarketSchedule.Type.DAYS_ENDING_IN, List.of(1, 4, 7));
        assertThat(schedule.dates(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)))
                .extracting(LocalDate::getDayOfMonth).containsExactly(1, 4, 7, 11, 14, 17, 21, 24, 27, 31);
    }

    @Test
    void lunarDatesMatchTheChineseCalendar() {
        assertThat(MarketSchedule.lunar(LocalDate.of(2026, 2, 17))).isEqualTo(new MarketSchedule.LunarDate(1, 1, false));
        assertThat(MarketSchedule.lunar(LocalDate.of(2026, 9, 25))).isEqualTo(new MarketSchedule.LunarDate(8, 15, false));
        assertThat(MarketSchedule.lunar(LocalDate.of(2025, 7, 25))).isEqualTo(new MarketSchedule.LunarDate(6, 1, true));
        assertThat(MarketSchedule.lunar(LocalDate.of(2025, 1, 29))).isEqualTo(new MarketSchedule.LunarDate(1, 1, false));
    }

    @Test
    void aLunarScheduleFindsTheFirstAndFifteenthOfALunarMonth() {
        MarketSchedule schedule = new MarketSchedule(MarketSchedule.Type.LUNAR_DAYS, List.of(1, 15));
        assertThat(schedule.dates(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 10)))
                .containsExactly(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 3, 3));
    }

    @Test
    void outOfRangeValuesAreNotAValidSchedule() {
        assertThat(new MarketSchedule(MarketSchedule.Type.DAYS_ENDING_IN, List.of(10)).valid()).isFalse();
        assertThat(new MarketSchedule(MarketSchedule.Type.LUNAR_DAYS, List.of(31)).valid()).isFalse();
        assertThat(new MarketSchedule(null, List.of(1)).valid()).isFalse();
        assertThat(new MarketSchedule(MarketSchedule.Type.DAYS_OF_MONTH, List.of(5, 20)).valid()).isTrue();
    }
}
