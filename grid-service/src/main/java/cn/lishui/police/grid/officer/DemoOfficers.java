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
 * In 莲都 {@value #LIANDU_NATIVES} of the chiefs (at full scale) lead the village they come from (原籍),
 * as the district sent them back under 一村两警长; its other officers' native villages are not recorded.
 */
final class DemoOfficers {

    static final int POLICE = 2_040;
    static final int AUXILIARY = 2_320;
    private static final long SEED = 20260412L;
    static final String DEMO_COUNTY = "331121";
    static final String NATIVE_COUNTY = "331102";
    static final int LIANDU_NATIVES = 503;
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
        int natives = (int) Math.round((double) LIANDU_NATIVES * villages.size() / fullVillages);
        int nativeCounty = new ArrayList<>(villagesByCounty.keySet()).indexOf(NATIVE_COUNTY);
        if (nativeCounty >= 0) {
            int countyVillages = villagesByCounty.get(NATIVE_COUNTY).size();
            natives = Math.min(natives, 2 * countyVillages);
            // every native chief is another officer: the district needs that many, at most one per village and kind
            int missing = natives - Math.min(countyVillages, policeShare[nativeCounty])
                    - Math.min(countyVillages, auxiliaryShare[nativeCounty]);
            missing -= moveTo(policeShare, nativeCounty, Math.min(missing, countyVillages - policeShare[nativeCounty]));
            moveTo(auxiliaryShare, nativeCounty, Math.min(missing, countyVillages - auxiliaryShare[nativeCounty]));
        }

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
            if (county.getKey().equals(NATIVE_COUNTY)) {
                countyPolice = sentBackHome(countyPolice, countyVillages, natives);
                countyAuxiliary = sentBackHome(countyAuxiliary, countyVillages, natives - countyPolice.stream()
                        .filter(officer -> officer.nativeVillageCode() != null).count());
                officers.subList(officers.size() - countyPolice.size() - countyAuxiliary.size(), officers.size())
                        .clear();
                officers.addAll(countyPolice);
                officers.addAll(countyAuxiliary);
            }
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
     * The first {@code natives} officers (each the chief of village i, see the appointments) come from that
     * village; the native village of the others is left unknown, so exactly {@code natives} lead their own.
     */
    private static List<Officer> sentBackHome(List<Officer> officers, List<String> villages, long natives) {
        List<Officer> result = new ArrayList<>(officers.size());
        for (int i = 0; i < officers.size(); i++) {
            Officer o = officers.get(i);
            String home = i < natives && i < villages.size() ? villages.get(i) : null;
            result.add(new Officer(o.id(), o.name(), o.kind(), o.stationId(), o.countyCode(), home, o.contactPhone(),
                    o.account(), o.version()));
        }
        return result;
    }

    /** Moves up to {@code wanted} officers into county {@code to}, from the counties with the most; returns how many. */
    private static int moveTo(int[] shares, int to, int wanted) {
        int moved = 0;
        while (moved < wanted) {
            int from = -1;
            for (int j = 0; j < shares.length; j++) {
                if (j != to && shares[j] > 1 && (from < 0 || shares[j] > shares[from])) {
                    from = j;
                }
            }
            if (from < 0) {
                break;
            }
            shares[from]--;
            shares[to]++;
            moved++;
        }
        return moved;
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
