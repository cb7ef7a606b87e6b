package cn.lishui.police.identity.signin;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page of the authorization-code flow (the form Spring Security processes at {@code POST /login}),
 * in Chinese by default and in English when asked: by {@code ?lang=en}, by the {@code ui_locales} the web
 * page put in its authorization request (OIDC), or by the browser's Accept-Language. Plain HTML with one
 * stylesheet of this service ({@code /login.css}): no script, so the gateway's strict policy for pages
 * holds. The fields keep the ids {@code username} and {@code password}.
 */
@Controller
class SignInPage {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    SignInPage(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request, HttpServletResponse response, CsrfToken csrf,
                @RequestParam(required = false) String lang) {
        Locale locale = localeOf(lang, request, response);
        boolean english = locale.getLanguage().equals("en");
        String other = english ? "zh-CN" : "en";
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(english ? "en" : "zh-CN").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(text("signin.title", locale)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/login.css\">\n</head>\n<body>\n<main>\n")
                .append("<p class=\"language\"><a href=\"/login?lang=").append(other).append("\" lang=\"").append(other)
                .append("\">").append(text("signin.language", locale)).append("</a></p>\n")
                .append("<h1>").append(text("signin.heading", locale)).append("</h1>\n");
        if (request.getParameter("error") != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(text("signin.error", locale)).append("</p>\n");
        }
        if (request.getParameter("logout") != null) {
            html.append("<p class=\"info\" role=\"status\">").append(text("signin.signedOut", locale)).append("</p>\n");
        }
        html.append("<form method=\"post\" action=\"/login\">\n")
                .append("<label for=\"username\">").append(text("signin.username", locale)).append("</label>\n")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>\n")
                .append("<label for=\"password\">").append(text("signin.password", locale)).append("</label>\n")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n")
                .append("<input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(csrf.getParameterName(), "UTF-8"))
                .append("\" value=\"").append(HtmlUtils.htmlEscape(csrf.getToken(), "UTF-8")).append("\">\n")
                .append("<button type=\"submit\">").append(text("signin.submit", locale)).append("</button>\n")
                .append("</form>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** ?lang=, else the saved authorization request's ui_locales, else Accept-Language; Chinese unless English. */
    private Locale localeOf(String lang, HttpServletRequest request, HttpServletResponse response) {
        String wanted = lang;
        if (wanted == null) {
            SavedRequest saved = savedRequests.getRequest(request, response);
            String[] uiLocales = saved == null ? null : saved.getParameterValues("ui_locales");
            if (uiLocales != null && uiLocales.length > 0) {
                wanted = uiLocales[0].split(" ")[0];
            }
        }
        if (wanted == null && request.getHeader("Accept-Language") != null) {
            wanted = request.getLocale().toLanguageTag();
        }
        if (wanted == null) {
            return CHINESE;
        }
        return wanted.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), "UTF-8");
    }
}
