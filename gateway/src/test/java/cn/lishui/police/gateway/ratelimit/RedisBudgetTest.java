package cn.lishui.police.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisBudgetTest {

    @Test
    void wholeRatesAreTakenAsTheyAre() {
        RedisBudget budget = RedisBudget.of(50, 100);
        assertThat(budget).isEqualTo(new RedisBudget(50, 100, 1));
        assertThat(budget.requests(37)).isEqualTo(37);
        assertThat(budget.secondsUntilNext(0)).isEqualTo(1);
    }

    @Test
    void aRateBelowOneRequestASecondMakesEachRequestCostSeveralTokens() {
        RedisBudget budget = RedisBudget.of(0.2, 3);
        assertThat(budget).isEqualTo(new RedisBudget(1, 15, 5));
        assertThat(budget.requests(14)).isEqualTo(2);
        assertThat(budget.requests(4)).isZero();
        assertThat(budget.secondsUntilNext(0)).isEqualTo(5);
        assertThat(budget.secondsUntilNext(3)).isEqualTo(2);
    }
}
