package cn.lishui.police.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongMixedPasswordPasses() {
        assertThat(PasswordPolicy.violations("Lishui-Spring-2026", List.of("citizen-abc"))).isEmpty();
        assertThat(PasswordPolicy.violations("lishui spring 2026", List.of())).isEmpty();
    }

    @Test
    void nineCharactersAreTooShort() {
        assertThat(PasswordPolicy.violations("Abc-12345", List.of())).containsExactly("password.too-short");
        assertThat(PasswordPolicy.violations("Abc-123456", List.of())).isEmpty();
    }

    @Test
    void twoCharacterClassesAreTooSimple() {
        assertThat(PasswordPolicy.violations("lishuispring2026", List.of())).containsExactly("password.too-simple");
        assertThat(PasswordPolicy.violations("LISHUI-SPRING-", List.of())).containsExactly("password.too-simple");
    }

    @Test
    void containingTheUsernameInAnyCaseIsRefused() {
        assertThat(PasswordPolicy.violations("My-Demo-Officer-1", List.of("demo-officer")))
                .containsExactly("password.contains-username");
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertThat(PasswordPolicy.violations("officer", List.of("officer")))
                .containsExactly("password.too-short", "password.too-simple", "password.contains-username");
        assertThat(PasswordPolicy.violations(null, List.of()))
                .containsExactly("password.too-short", "password.too-simple");
    }
}
