package cn.lishui.police.mediation.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.lishui.police.mediation.dispute.DisputeCategory;
import cn.lishui.police.mediation.organisation.OrganisationKind;

/**
 * The demo data set, fixed: the seed of issue 6 and some plausible data elsewhere. 壶镇 (缙云 331122, town
 * 331122101000) runs the 正道讲和 brand from its police office: {@value #HUZHEN_ORGANISATIONS} organisations (its
 * comprehensive governance centre, the 110 linkage centre, the chamber of commerce's centre, ... and the
 * committees of its villages) with {@value #HUZHEN_MEDIATORS} mediators, who resolved all of this year's
 * {@value #HUZHEN_DISPUTES} disputes. 遂昌 石练镇 has its 乡音 team of mediators who speak the migrant residents'
 * dialects; 青田 has {@code org-331121-01}, the demo mediator's organisation (demo users, identity-service). Each
 * other county has a few organisations and a few dozen disputes in every state. Loaded on start when
 * {@code fengqiao.demo-data.enabled} is true, once (each loader skips what is there).
 */
public final class DemoSeed {

    public static final String JINYUN = "331122";
    public static final String HUZHEN_TOWN = "331122101000";
    public static final String BRAND = "正道讲和";
    public static final int HUZHEN_ORGANISATIONS = 65;
    public static final int HUZHEN_MEDIATORS = 153;
    public static final int HUZHEN_DISPUTES = 229;
    public static final String DEMO_MEDIATOR_ORGANISATION = "org-331121-01";
    public static final long SEED = 20261129L;

    /**
     * One demo organisation and how many mediators and disputes it gets.
     *
     * @param dialects the dialects its mediators speak (besides 普通话)
     * @param resolved whether all its disputes are resolved (壶镇) or spread over every state
     */
    public record Organisation(String id, String name, OrganisationKind kind, String countyCode, String townCode,
                               String villageCode, String brandName, String policeOfficeId, int mediators,
                               int disputes, List<String> dialects, boolean resolved) {
    }

    /** The benchmark's organisation (bench/mediation, {@code fengqiao.mediation.bench.mediators}). */
    public static final String BENCH_ORGANISATION = "org-331122-bench";
    private static final List<String> BENCH_DIALECTS = List.of("缙云话", "永康话", "青田话", "温州话", "丽水话", "畲话",
            "客家话", "江西话", "贵州话", "闽南话");

    private static final Map<String, String> COUNTIES = Map.of("331102", "莲都区", "331121", "青田县",
            "331123", "遂昌县", "331124", "松阳县", "331125", "云和县", "331126", "庆元县", "331127", "景宁畲族自治县",
            "331181", "龙泉市");
    private static final Map<String, String> DIALECTS = Map.of("331102", "丽水话", "331121", "青田话",
            "331123", "遂昌话", "331124", "松阳话", "331125", "云和话", "331126", "庆元话", "331127", "畲话",
            "331181", "龙泉话");
    private static final String[] VILLAGE_NAMES = {"岩下", "下洋", "金竹", "潜溪", "上王", "大路", "陇东", "前村", "后宅",
            "溪口", "新建", "里坑", "樟山", "双溪", "东岸", "西湖", "南塘", "北山", "塘头", "沙坑", "横路", "石门", "上塘",
            "枫林", "桥头", "黄碧", "舒洪", "姓潘", "河阳", "仙岩", "梅宅", "宫前", "石笕", "章村", "棠溪", "雅化", "苍岭",
            "杜岙", "岩门", "下宅", "上坪", "马岭", "白竹", "前路", "官店", "坑口", "洪坑", "东山", "西坑", "南岙", "北坑",
            "溪头", "上岭", "中村", "下塘", "前山", "后山"};

    private DemoSeed() {
    }

    public static List<Organisation> organisations() {
        List<Organisation> all = new ArrayList<>();
        String office = "po-331122101-01";
        String hz = "org-331122-";
        int n = 1;
        all.add(new Organisation(hz + two(n++), "壶镇社会治理综合服务中心", OrganisationKind.GOVERNANCE_CENTRE, JINYUN,
                HUZHEN_TOWN, null, BRAND, office, 10, 40, List.of("缙云话", "永康话"), true));
        all.add(new Organisation(hz + two(n++), "壶镇110联动调解中心", OrganisationKind.INCIDENT_LINKAGE_CENTRE, JINYUN,
                HUZHEN_TOWN, null, BRAND, office, 8, 36, List.of("缙云话"), true));
        all.add(new Organisation(hz + two(n++), "壶镇商会调解中心", OrganisationKind.CHAMBER_OF_COMMERCE, JINYUN,
                HUZHEN_TOWN, null, BRAND, office, 6, 18, List.of("缙云话", "永康话"), true));
        all.add(new Organisation(hz + two(n++), "壶镇派出所正道讲和调解室", OrganisationKind.POLICE_STATION_ROOM, JINYUN,
                HUZHEN_TOWN, null, BRAND, office, 6, 30, List.of("缙云话"), true));
        all.add(new Organisation(hz + two(n++), "壶镇律师调解工作室", OrganisationKind.LAWYER_MEDIATION, JINYUN,
                HUZHEN_TOWN, null, BRAND, office, 3, 8, List.of(), true));
        all.add(new Organisation(hz + two(n++), "缙云县人民法院壶镇特邀调解组织", OrganisationKind.COURT_INVITED, JINYUN,
                HUZHEN_TOWN, null, BRAND, office, 4, 9, List.of("缙云话"), true));
        all.add(new Organisation(hz + two(n++), "壶镇机械行业调解委员会", OrganisationKind.INDUSTRY_PROFESSIONAL, JINYUN,
                HUZHEN_TOWN, null, BRAND, office, 4, 10, List.of("缙云话", "江西话"), true));
        all.add(new Organisation(hz + two(n++), "壶镇劳动争议调解委员会", OrganisationKind.INDUSTRY_PROFESSIONAL, JINYUN,
                HUZHEN_TOWN, null, BRAND, office, 4, 12, List.of("缙云话", "贵州话"), true));
        // 57 village committees: 108 mediators (51 with two, 6 with one) and the remaining 66 disputes
        int disputesLeft = HUZHEN_DISPUTES - 40 - 36 - 18 - 30 - 8 - 9 - 10 - 12;
        for (int v = 0; v < 57; v++) {
            String village = "331122101" + (201 + v);
            int disputes = disputesLeft / (57 - v);
            disputesLeft -= disputes;
            all.add(new Organisation(hz + two(n++), "壶镇" + VILLAGE_NAMES[v] + "村人民调解委员会",
                    OrganisationKind.PEOPLES_MEDIATION_COMMITTEE, JINYUN, HUZHEN_TOWN, village, BRAND, office,
                    v < 51 ? 2 : 1, disputes, List.of("缙云话"), true));
        }
        for (Map.Entry<String, String> county : new TreeMap<>(COUNTIES).entrySet()) {
            String c = county.getKey();
            String name = county.getValue();
            String town = c + "101000";
            String dialect = DIALECTS.get(c);
            int k = 1;
            all.add(new Organisation("org-" + c + "-" + two(k++), name + "社会矛盾纠纷调处化解中心",
                    OrganisationKind.GOVERNANCE_CENTRE, c, town, null, null, null, 4, 14, List.of(dialect), false));
            all.add(new Organisation("org-" + c + "-" + two(k++), name + "110联动调解中心",
                    OrganisationKind.INCIDENT_LINKAGE_CENTRE, c, town, null, null, null, 3, 10, List.of(dialect),
                    false));
            all.add(new Organisation("org-" + c + "-" + two(k++), name + "城关派出所驻所调解室",
                    OrganisationKind.POLICE_STATION_ROOM, c, town, null, null, null, 2, 6, List.of(dialect), false));
            if ("331123".equals(c)) {
                // 石练镇's 乡音 team: mediators who speak the dialects of the migrant residents
                all.add(new Organisation("org-" + c + "-" + two(k++), "石练镇乡音调解队",
                        OrganisationKind.PEOPLES_MEDIATION_COMMITTEE, c, "331123105000", null, "乡音", null, 6, 12,
                        List.of("遂昌话", "温州话", "闽南话", "客家话", "江西话", "贵州话"), false));
            }
        }
        return List.copyOf(all);
    }

    /**
     * The benchmark's organisation: a 壶镇 centre with {@code mediators} mediators who speak, besides 普通话, the
     * dialects of the area and of the migrant workers, so that matching a dispute's parties ranks them apart.
     */
    public static Organisation benchOrganisation(int mediators) {
        return new Organisation(BENCH_ORGANISATION, "壶镇矛盾纠纷调处化解基准中心", OrganisationKind.GOVERNANCE_CENTRE,
                JINYUN, HUZHEN_TOWN, null, BRAND, "po-331122101-01", mediators, 0, BENCH_DIALECTS, false);
    }

    /** The local dialect of a county (缙云话 in 缙云). */
    public static String dialectOf(String countyCode) {
        return JINYUN.equals(countyCode) ? "缙云话" : DIALECTS.getOrDefault(countyCode, "普通话");
    }

    /** The categories Huzhen's disputes fall into, in their rough shares (neighbour and family first). */
    public static DisputeCategory category(int i) {
        DisputeCategory[] weighted = {DisputeCategory.NEIGHBOUR, DisputeCategory.NEIGHBOUR, DisputeCategory.NEIGHBOUR,
                DisputeCategory.MARRIAGE_FAMILY, DisputeCategory.MARRIAGE_FAMILY, DisputeCategory.LAND_PROPERTY,
                DisputeCategory.LAND_PROPERTY, DisputeCategory.LABOUR_WAGES, DisputeCategory.LABOUR_WAGES,
                DisputeCategory.CONSUMER, DisputeCategory.TRAFFIC_ACCIDENT, DisputeCategory.COMMERCIAL,
                DisputeCategory.OTHER};
        return weighted[Math.floorMod(i, weighted.length)];
    }

    public static String mediatorId(String organisationId, int n) {
        return "med-" + organisationId.substring("org-".length()) + "-" + two(n);
    }

    /** The account subject of a demo mediator (no such account exists: demo cases need one to be "on a desk"). */
    public static String mediatorSubject(String organisationId, int n) {
        return "demo-" + mediatorId(organisationId, n);
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }
}
