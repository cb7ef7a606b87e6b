package cn.lishui.police.platform.web;

import java.util.regex.Pattern;

import cn.lishui.police.platform.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses paging parameters that Spring Data would otherwise silently reinterpret or pass on: a page
 * that is not a number, negative or absurdly far (its skip would overflow), a size that is not a
 * number, and a sort on anything but a plain property path (no {@code $operators}). Sizes above the
 * cap are capped by Spring Data itself.
 */
public final class PageRequestGuard implements HandlerInterceptor {

    static final int MAX_PAGE = 100_000;
    private static final Pattern PROPERTY_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}(\\.[A-Za-z][A-Za-z0-9_]{0,63}){0,4}");
    private static final Pattern DIRECTION = Pattern.compile("(?i)asc|desc");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String page = request.getParameter("page");
        if (page != null && !isIntegerIn(page, 0, MAX_PAGE)) {
            throw DomainException.badRequest("INVALID_PAGE", MAX_PAGE);
        }
        String size = request.getParameter("size");
        if (size != null && !isIntegerIn(size, 1, Integer.MAX_VALUE)) {
            throw DomainException.badRequest("INVALID_PAGE_SIZE");
        }
        String[] sorts = request.getParameterValues("sort");
        if (sorts != null) {
            for (String sort : sorts) {
                checkSort(sort);
            }
        }
        return true;
    }

    private static void checkSort(String sort) {
        String[] parts = sort.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            boolean lastIsDirection = i == parts.length - 1 && i > 0 && DIRECTION.matcher(part).matches();
            if (!lastIsDirection && !PROPERTY_PATH.matcher(part).matches()) {
                throw DomainException.badRequest("INVALID_SORT", part);
            }
        }
    }

    private static boolean isIntegerIn(String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            return number >= min && number <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
