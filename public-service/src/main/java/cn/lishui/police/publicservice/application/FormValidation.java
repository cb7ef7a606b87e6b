package cn.lishui.police.publicservice.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.error.DomainException.FieldError;
import cn.lishui.police.publicservice.catalogue.FormAttribute;

/** Checks an application's form against the item's attribute definitions, reporting every bad field at once. */
final class FormValidation {

    private FormValidation() {
    }

    /** 422 FORM_INVALID listing each field at fault (form.&lt;name&gt;) when the form does not fit. */
    static void check(List<FormAttribute> attributes, Map<String, Object> form) {
        List<FieldError> errors = new ArrayList<>();
        for (FormAttribute attribute : attributes) {
            String field = "form." + attribute.name();
            Object value = form.get(attribute.name());
            if (value == null || (value instanceof String text && text.isBlank())
                    || (value instanceof Collection<?> list && list.isEmpty())) {
                if (attribute.required()) {
                    errors.add(new FieldError(field, "form.required"));
                }
                continue;
            }
            String problem = problemOf(attribute, value);
            if (problem != null) {
                errors.add(new FieldError(field, problem, String.join(", ", attribute.values())));
            }
        }
        form.keySet().stream()
                .filter(name -> attributes.stream().noneMatch(attribute -> attribute.name().equals(name)))
                .sorted()
                .forEach(name -> errors.add(new FieldError("form." + name, "form.unknown")));
        if (!errors.isEmpty()) {
            throw DomainException.unprocessable("FORM_INVALID", errors.size()).withFieldErrors(errors);
        }
    }

    private static String problemOf(FormAttribute attribute, Object value) {
        return switch (attribute.type()) {
            case STRING -> value instanceof String text && text.length() <= 500 ? null : "form.notAString";
            case NUMBER -> value instanceof Number ? null : "form.notANumber";
            case DATE -> isDate(value) ? null : "form.notADate";
            case SINGLE_CHOICE -> attribute.values().contains(value) ? null : "form.notAChoice";
            case MULTI_CHOICE -> value instanceof Collection<?> chosen && attribute.values().containsAll(chosen)
                    ? null : "form.notAChoice";
        };
    }

    private static boolean isDate(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
