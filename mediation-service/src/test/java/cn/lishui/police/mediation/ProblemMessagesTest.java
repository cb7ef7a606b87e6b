package cn.lishui.police.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every problem code the service throws has its title and detail in Chinese and in English. */
class ProblemMessagesTest {

    private static final Pattern THROWN = Pattern.compile(
            "DomainException\\.(?:notFound|conflict|unprocessable|badRequest|forbidden)\\(\"([A-Z_]+)\"");

    @Test
    void everyCodeHasATitleAndADetailInBothLanguages() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = THROWN.matcher(Files.readString(source));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).hasSizeGreaterThan(30).contains("ILLEGAL_TRANSITION", "AGREEMENT_INCOMPLETE");
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = load(bundle);
            for (String code : codes) {
                assertThat(messages.getProperty("problem." + code + ".title")).as(bundle + " " + code + " title")
                        .isNotBlank();
                assertThat(messages.getProperty("problem." + code + ".detail")).as(bundle + " " + code + " detail")
                        .isNotBlank();
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
