package cn.lishui.police.identity.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.lishui.police.identity.IdentityServiceTest;
import cn.lishui.police.identity.OAuth;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IdentityServiceTest
class SignUpApiTest {

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    OAuth oauth;

    @BeforeEach
    void client() {
        oauth = new OAuth(port);
    }

    @Test
    void aCitizenSignsUpWithAPhoneNumberAndThenSignsInWithIt() {
        String phone = OAuth.freshPhone();

        var created = http.post().uri("/api/identity/citizens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", phone, "password", "Lishui-Spring-2026", "displayName", "张三"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/identity/users/[0-9a-f-]{36}")
                .expectBody(Map.class).returnResult();
        Map<?, ?> user = created.getResponseBody();
        assertThat(user.get("phone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat((String) user.get("username")).startsWith("citizen-").doesNotContain(phone);
        assertThat(user.get("roles")).isEqualTo(List.of("CITIZEN"));
        assertThat(user.get("displayName")).isEqualTo("张三");
        assertThat(OAuth.map(user)).doesNotContainKeys("password", "passwordHash");

        OAuth.Answer signIn = oauth.password(phone, "Lishui-Spring-2026");
        assertThat(signIn.status()).isEqualTo(200);
        Map<String, Object> claims = OAuth.claims(signIn.accessToken());
        assertThat(claims).containsEntry("sub", user.get("id")).containsEntry("roles", List.of("CITIZEN"))
                .containsEntry("preferred_username", user.get("username"));
        http.get().uri(created.getResponseHeaders().getLocation()).header("Authorization", signIn.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.phone").isEqualTo(user.get("phone"));
        // the generated username signs in too, and so does the number written the +86 way
        assertThat(oauth.password((String) user.get("username"), "Lishui-Spring-2026").status()).isEqualTo(200);
        assertThat(oauth.password("+86 " + phone, "Lishui-Spring-2026").status()).isEqualTo(200);
    }

    @Test
    void thePhoneNumberIsStoredSealedNotInPlaintext() {
        String phone = OAuth.freshPhone();
        String id = (String) http.post().uri("/api/identity/citizens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", phone, "password", "Lishui-Spring-2026", "displayName", "李四"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");

        Document stored = mongo.getCollection("users").find(new Document("_id", id)).first();
        assertThat(stored.toJson()).doesNotContain(phone).doesNotContain("Lishui-Spring-2026");
        assertThat(stored.getString("passwordHash")).startsWith("{bcrypt}");
        assertThat(stored.get("phone", Document.class).getString("ciphertext")).isNotBlank();
    }

    @Test
    void aCompatriotSignsUpWithAnEmailAddressAndSignsInWithIt() {
        String email = OAuth.freshName("chen") + "@example.it";

        Map<?, ?> user = http.post().uri("/api/identity/compatriots").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", "Qiaoxiang-Roma-88", "displayName", "陈侨",
                        "countryOfResidence", "IT"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(user.get("email")).isEqualTo("c***@example.it");
        assertThat(user.get("countryOfResidence")).isEqualTo("IT");
        assertThat(user.get("roles")).isEqualTo(List.of("COMPATRIOT"));

        OAuth.Answer signIn = oauth.password(email.toUpperCase(), "Qiaoxiang-Roma-88");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(OAuth.claims(signIn.accessToken())).containsEntry("roles", List.of("COMPATRIOT"));
        http.get().uri("/api/identity/users/me").header("Authorization", signIn.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo("c***@example.it");
    }

    @ParameterizedTest
    @CsvSource({
            "Short-1a, password.too-short",
            "alllowercaseletters, password.too-simple",
            "ALL-UPPER-AND-SYMBOLS, password.too-simple",
            "1234567890123, password.too-simple"})
    void aWeakPasswordIsAWeakPasswordProblemNamingTheRule(String password, String rule) {
        http.post().uri("/api/identity/citizens").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en")
                .body(Map.of("phone", OAuth.freshPhone(), "password", password, "displayName", "王五"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("WEAK_PASSWORD")
                .jsonPath("$.title").isEqualTo("Weak password")
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[*].message").value(List.class, messages -> assertThat(messages)
                        .contains(english(rule)));
    }

    @Test
    void aPasswordContainingThePhoneNumberIsWeak() {
        String phone = OAuth.freshPhone();
        http.post().uri("/api/identity/citizens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", phone, "password", "Pw-" + phone, "displayName", "赵六"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("WEAK_PASSWORD")
                .jsonPath("$.title").isEqualTo("密码强度不足")
                .jsonPath("$.errors[0].message").isEqualTo("不能包含用户名、手机号或邮箱");
    }

    @Test
    void signingUpTwiceWithTheSamePhoneIsAConflict() {
        String phone = OAuth.freshPhone();
        Map<String, String> body = Map.of("phone", phone, "password", "Lishui-Spring-2026", "displayName", "孙七");
        http.post().uri("/api/identity/citizens").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated();

        http.post().uri("/api/identity/citizens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", phone.substring(0, 3) + "-" + phone.substring(3), "password",
                        "Another-Pass-2026", "displayName", "孙七"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("PHONE_ALREADY_REGISTERED")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).doesNotContain(phone));
    }

    @Test
    void signingUpTwiceWithTheSameEmailInAnotherCaseIsAConflict() {
        String email = OAuth.freshName("lin") + "@example.es";
        http.post().uri("/api/identity/compatriots").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", "Qiaoxiang-Madrid-1", "displayName", "林",
                        "countryOfResidence", "ES"))
                .exchange().expectStatus().isCreated();

        http.post().uri("/api/identity/compatriots").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email.toUpperCase(), "password", "Qiaoxiang-Madrid-2", "displayName", "林",
                        "countryOfResidence", "ES"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("EMAIL_ALREADY_REGISTERED");
    }

    @Test
    void aPhoneThatIsNotAMainlandMobileIsAValidationProblem() {
        http.post().uri("/api/identity/citizens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", "0578-2123456", "password", "Lishui-Spring-2026", "displayName", "周八"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("phone");
    }

    @Test
    void aCompatriotWithoutCountryIsAValidationProblem() {
        http.post().uri("/api/identity/compatriots").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", OAuth.freshName("wu") + "@example.fr", "password", "Qiaoxiang-Paris-1",
                        "displayName", "吴"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("countryOfResidence");
    }

    @Test
    void rolesInTheSignUpBodyAreIgnored() {
        Map<?, ?> user = http.post().uri("/api/identity/citizens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", OAuth.freshPhone(), "password", "Lishui-Spring-2026", "displayName", "郑九",
                        "roles", List.of("ADMIN"), "countyCode", "331121", "id", "chosen-id"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(user.get("roles")).isEqualTo(List.of("CITIZEN"));
        assertThat(user.get("countyCode")).isNull();
        assertThat(user.get("id")).isNotEqualTo("chosen-id");
    }

    private static String english(String rule) {
        return switch (rule) {
            case "password.too-short" -> "must be at least 10 characters long";
            case "password.too-simple" -> "must mix at least 3 of: lower case, upper case, digits, symbols";
            default -> "must not contain the username, phone number or e-mail address";
        };
    }
}
