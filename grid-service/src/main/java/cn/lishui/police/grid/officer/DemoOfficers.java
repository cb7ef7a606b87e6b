package cn.lishui.police.grid.officer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import cn.lishui.police.platform.personaldata.ProtectedValue;

/**
 * The demo officers, from a fixed seed: {@value #POLICE} police and {@value #AUXILIARY} auxiliary officers
 * at full scale, spread over the counties by their share of villages. Every village gets a chief pair
 * (one police officer, one auxiliary) and every grid one grid officer, all from the county's own stations.
 */
final class DemoOfficers {

    static final int POLICE = 2_040;
    static final int AUXILIARY = 2_320;
    private static final long SEED = 20260412L;
    static final String DEMO_COUNTY = "331121";
    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "吴", "周", "叶", "徐", "朱", "潘",
            "毛", "蓝", "雷", "季", "应", "胡", "金", "鲍"};
    private static final String[] GIVEN = {"伟", "军", "勇", "强", "磊", "洋", "杰", "涛", "明", "华", "芳", "敏",
            "静", "丽", "建国", "建华", "志强", "晓东", "海燕", "丽萍", "国平", "卫东", "文斌", "伟民"};

    record Generated(List<Officer> officers, List<VillageChiefs> chiefs, List<GridOfficer> gridOfficers) {
    }

    private DemoOfficers() {
    }

    /**
     * @param villages village codes; the counts scale with them against the full 2,850 villages
     * @param protect  protects a contact phone
     */
    static Generated generate(List<String> villages, List<String> grids, int fullVillages,
                              Function<String, ProtectedValue> protect) {
        Random random = new Random(SEED);
        Map<String, List<String>> villagesByCounty = new LinkedHashMap<>();
        villages.forEach(v -> villagesByCounty.computeIfAbsent(v.substring(0, 6), k -> new ArrayList<>()).add(v));
        Map<String, List<String>> gridsByCounty = new LinkedHashMap<>();
        grids.forEach(g -> gridsByCounty.computeIfAbsent(g.substring(0, 6), k -> new ArrayList<>()).add(g));

        int police = Math.max(villagesByCounty.size(), (int) Math.round((double) POLICE * villages.size() / fullVillages));
        int auxiliary = Math.max(villagesByCounty.size(), (int) Math.round((double) AUXILIARY * villages.size() / fullVillages));
        int[] policeShare = shares(police, villagesByCounty, villages.size());
        int[] auxiliaryShare = shares(auxiliary, villagesByCounty, villages.size());

        List<Officer> officers = new ArrayList<>();
        List<VillageChiefs> chiefs = new ArrayList<>();
        List<GridOfficer> gridOfficers = new ArrayList<>();
        int c = 0;
        for (Map.Entry<String, List<String>> county : villagesByCounty.entrySet()) {
            List<String> countyVillages = county.getValue();
            List<Officer> countyPolice = officers(county.getKey(), OfficerKind.POLICE, policeShare[c], countyVillages,
                    random, protect);
            List<Officer> countyAuxiliary = officers(county.getKey(), OfficerKind.AUXILIARY, auxiliaryShare[c],
                    countyVillages, random, protect);
            c++;
            officers.addAll(countyPolice);
            officers.addAll(countyAuxiliary);
            for (int i = 0; i < countyVillages.size(); i++) {
                Officer chief = countyPolice.get(i % countyPolice.size());
                Officer deputy = countyAuxiliary.get(i % countyAuxiliary.size());
                chiefs.add(VillageChiefs.none(countyVillages.get(i)).appoint(chief).appoint(deputy));
            }
            List<Officer> all = new ArrayList<>(countyAuxiliary);
            all.addAll(countyPolice);
            List<String> countyGrids = gridsByCounty.getOrDefault(county.getKey(), List.of());
            for (int i = 0; i < countyGrids.size(); i++) {
                gridOfficers.add(new GridOfficer(countyGrids.get(i), all.get(i % all.size()).id()));
            }
        }
        return new Generated(officers, chiefs, gridOfficers);
    }

    /**
     * The demo users of identity-service (security contract) are officers of Qingtian's first station:
     * demo-officer the first auxiliary officer (grid officer of the county's first grid), demo-police the
     * first police officer (chief of its first village), so "my villages / my grids" work in the demo.
     */
    private static String demoAccount(String county, OfficerKind kind, int index) {
        if (!DEMO_COUNTY.equals(county) || index != 0) {
            return null;
        }
        return kind == OfficerKind.AUXILIARY ? "demo-officer" : "demo-police";
    }

    private static int[] shares(int total, Map<String, List<String>> villagesByCounty, int villages) {
        int[] shares = new int[villagesByCounty.size()];
        double[] remainders = new double[shares.length];
        int given = 0;
        int i = 0;
        for (List<String> countyVillages : villagesByCounty.values()) {
            double exact = (double) total * countyVillages.size() / villages;
            shares[i] = Math.max(1, (int) Math.floor(exact));
            remainders[i] = exact - Math.floor(exact);
            given += shares[i++];
        }
        while (given < total) {
            int best = 0;
            for (int j = 1; j < shares.length; j++) {
                if (remainders[j] > remainders[best]) {
                    best = j;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            given++;
        }
        return shares;
    }

    private static List<Officer> officers(String county, OfficerKind kind, int count, List<String> villages,
                                          Random random,
                                          Function<String, ProtectedValue> protect) {
        List<Officer> officers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String phone = "13" + String.format("%09d", random.nextInt(1_000_000_000));
            officers.add(new Officer(new UUID(random.nextLong(), random.nextLong()).toString(), name, kind,
                    "station-" + county + "-" + String.format("%02d", 1 + i % 6), county,
                    villages.get(random.nextInt(villages.size())), protect.apply(phone), demoAccount(county, kind, i),
                    null));
        }
        return officers;
    }
}
