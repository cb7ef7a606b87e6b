package cn.lishui.police.publicservice.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * One field of an item's application form, typed like an Open311 service definition attribute.
 * {@code values} are the allowed choices of SINGLE_CHOICE and MULTI_CHOICE attributes.
 */
public record FormAttribute(String name, String labelZh, String labelEn, Type type, List<String> values,
                            boolean required) {

    public enum Type { STRING, NUMBER, DATE, SINGLE_CHOICE, MULTI_CHOICE }

    public FormAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = values == null ? List.of() : List.copyOf(values);
        boolean choice = type == Type.SINGLE_CHOICE || type == Type.MULTI_CHOICE;
        if (choice == values.isEmpty()) {
            throw new IllegalArgumentException("choice attributes, and only they, list values: " + name);
        }
    }
}
