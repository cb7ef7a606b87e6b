package cn.lishui.police.platform.error;

/** One entry of a problem body's {@code errors[]}: which input field, and what is wrong with it. */
public record FieldViolation(String field, String message) {
}
