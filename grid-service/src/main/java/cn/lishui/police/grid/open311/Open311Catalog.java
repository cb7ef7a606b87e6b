package cn.lishui.police.grid.open311;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import cn.lishui.police.grid.incident.IncidentCategory;

/**
 * The GeoReport v2 services grid-service offers: the citizen-reportable incident categories
 * ({@link IncidentCategory#citizenReportable()}), each with its attributes. Field names follow the spec
 * (snake_case), since these records are the wire format.
 */
final class Open311Catalog {

    record Service(String service_code, String service_name, String description, boolean metadata, String type,
                   String keywords, String group) {
    }

    record Definition(String service_code, List<Attribute> attributes) {
    }

    record Attribute(boolean variable, String code, String datatype, boolean required, String datatype_description,
                     int order, String description, List<Value> values) {
    }

    record Value(String key, String name) {
    }

    private record Entry(IncidentCategory category, Service service, List<Attribute> attributes) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(IncidentCategory.THEFT, "theft", "盗窃", "财物被盗（正在发生的请立即拨打 110）", "盗窃,被盗,失窃",
                attribute("stolen_item", "string", false, 1, "被盗物品", List.of()),
                attribute("occurred_at", "datetime", false, 2, "发现被盗的时间（ISO 8601）", List.of()));
        add(IncidentCategory.FRAUD, "fraud", "诈骗", "电信网络诈骗等（已转账的请立即拨打 110 或 96110）", "诈骗,反诈",
                attribute("amount_yuan", "number", true, 1, "被骗金额（元）", List.of()),
                attribute("payment_channel", "singlevaluelist", false, 2, "转账方式", List.of(
                        new Value("bank", "银行转账"), new Value("alipay", "支付宝"), new Value("wechat", "微信"),
                        new Value("other", "其他"))));
        add(IncidentCategory.PUBLIC_ORDER, "public_order", "治安问题", "噪音扰民、聚众赌博、打架斗殴苗头等", "治安,扰民",
                attribute("kind", "singlevaluelist", true, 1, "问题类型", List.of(
                        new Value("noise", "噪音扰民"), new Value("gambling", "聚众赌博"), new Value("fight", "打架斗殴"),
                        new Value("other", "其他"))));
        add(IncidentCategory.DISPUTE, "dispute", "矛盾纠纷", "邻里、婚姻家庭、土地、劳资等纠纷，可转人民调解", "纠纷,调解",
                attribute("dispute_kind", "singlevaluelist", true, 1, "纠纷类型", List.of(
                        new Value("neighbour", "邻里纠纷"), new Value("marriage_family", "婚姻家庭"),
                        new Value("land_property", "土地房屋"), new Value("labour_wages", "劳资欠薪"),
                        new Value("consumer", "消费纠纷"), new Value("other", "其他"))),
                attribute("parties_count", "number", false, 2, "当事人数", List.of()));
        add(IncidentCategory.TRAFFIC, "traffic", "交通问题", "交通事故、违停堵路等（有人员受伤请立即拨打 110/120）", "交通,事故",
                attribute("injuries", "singlevaluelist", true, 1, "是否有人受伤", List.of(
                        new Value("yes", "有"), new Value("no", "无"))));
        add(IncidentCategory.OTHER, "other", "其他", "其他需要派出所处理的事项", "其他");
    }

    private static Attribute attribute(String code, String datatype, boolean required, int order, String description,
                                       List<Value> values) {
        return new Attribute(true, code, datatype, required, description, order, description, values);
    }

    private static void add(IncidentCategory category, String code, String name, String description, String keywords,
                            Attribute... attributes) {
        ENTRIES.put(code, new Entry(category, new Service(code, name, description, attributes.length > 0, "realtime",
                keywords, "警情"), List.of(attributes)));
    }

    private Open311Catalog() {
    }

    static List<Service> services() {
        return ENTRIES.values().stream().map(Entry::service).toList();
    }

    static Optional<Definition> definition(String code) {
        return Optional.ofNullable(ENTRIES.get(code)).map(e -> new Definition(code, e.attributes()));
    }

    static Optional<IncidentCategory> category(String code) {
        return Optional.ofNullable(ENTRIES.get(code)).map(Entry::category);
    }

    static String code(IncidentCategory category) {
        return ENTRIES.entrySet().stream().filter(e -> e.getValue().category() == category).map(Map.Entry::getKey)
                .findFirst().orElse(category.name().toLowerCase(java.util.Locale.ROOT));
    }

    static String name(IncidentCategory category) {
        return ENTRIES.values().stream().filter(e -> e.category() == category).map(e -> e.service().service_name())
                .findFirst().orElse(category.name());
    }

    /**
     * The attribute values of a request checked against the service's definition: unknown codes, missing
     * required ones and values of the wrong type are refused with the attribute's code.
     */
    static Map<String, String> check(String serviceCode, Map<String, String> given) {
        Entry entry = ENTRIES.get(serviceCode);
        Map<String, String> accepted = new TreeMap<>();
        for (String code : given.keySet()) {
            if (entry.attributes().stream().noneMatch(a -> a.code().equals(code))) {
                throw Open311Exception.bad("OPEN311_UNKNOWN_ATTRIBUTE", code);
            }
        }
        for (Attribute attribute : entry.attributes()) {
            String value = given.get(attribute.code());
            if (value == null || value.isBlank()) {
                if (attribute.required()) {
                    throw Open311Exception.bad("OPEN311_ATTRIBUTE_REQUIRED", attribute.code());
                }
                continue;
            }
            value = value.strip();
            if (value.length() > 200 || !valid(attribute, value)) {
                throw Open311Exception.bad("OPEN311_ATTRIBUTE_INVALID", attribute.code());
            }
            accepted.put(attribute.code(), value);
        }
        return accepted;
    }

    private static boolean valid(Attribute attribute, String value) {
        return switch (attribute.datatype()) {
            case "number" -> {
                try {
                    yield new BigDecimal(value).signum() >= 0;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case "datetime" -> {
                try {
                    OffsetDateTime.parse(value);
                    yield true;
                } catch (DateTimeParseException e) {
                    yield false;
                }
            }
            case "singlevaluelist" -> attribute.values().stream().anyMatch(v -> v.key().equals(value));
            default -> true;
        };
    }

    static List<String> codes() {
        return new ArrayList<>(ENTRIES.keySet());
    }
}
