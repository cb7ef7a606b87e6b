package cn.lishui.police.platform.web;

import java.io.IOException;
import java.util.List;

import cn.lishui.police.platform.error.ProblemFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem body from a servlet filter, where no controller advice can answer. */
public final class ProblemWriter {

    private final ProblemFactory problems;
    private final LocaleResolver locales;
    private final JsonMapper json;

    public ProblemWriter(ProblemFactory problems, LocaleResolver locales, JsonMapper json) {
        this.problems = problems;
        this.locales = locales;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
                      String code, Object... args) throws IOException {
        ProblemDetail problem = problems.create(status, code, locales.resolveLocale(request),
                request.getRequestURI(), List.of(), args);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
