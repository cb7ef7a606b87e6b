package cn.lishui.police.gateway.cache;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;

/**
 * The language a service will answer a request in, decided from {@code Accept-Language} the way the
 * platform's servlet services decide it (their {@code AcceptHeaderLocaleResolver}: zh-CN by default, zh-CN and
 * English supported, a supported locale named in the header first, else a supported language-only locale with
 * the language of one named, else zh-CN). {@code Accept-Language: en-US} and {@code en} so share one cache entry,
 * {@code zh-CN,zh;q=0.9} and no header another.
 */
final class RequestLanguage {

    private static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    private static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    private RequestLanguage() {
    }

    /** The language tag the services will use, or null when the header cannot be read (then nothing is cached). */
    static String of(HttpHeaders headers) {
        if (headers.getFirst(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return DEFAULT.toLanguageTag();
        }
        List<Locale> requested;
        try {
            requested = headers.getAcceptLanguageAsLocales();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
        return resolve(requested).toLanguageTag();
    }

    private static Locale resolve(List<Locale> requested) {
        if (requested.isEmpty()) {
            return DEFAULT;
        }
        if (SUPPORTED.contains(requested.get(0))) {
            return requested.get(0);
        }
        Locale languageMatch = null;
        for (Locale locale : requested) {
            if (SUPPORTED.contains(locale)) {
                if (languageMatch == null || languageMatch.getLanguage().equals(locale.getLanguage())) {
                    return locale;
                }
            } else if (languageMatch == null) {
                for (Locale candidate : SUPPORTED) {
                    if (candidate.getCountry().isEmpty() && candidate.getLanguage().equals(locale.getLanguage())) {
                        languageMatch = candidate;
                        break;
                    }
                }
            }
        }
        return languageMatch != null ? languageMatch : DEFAULT;
    }
}
