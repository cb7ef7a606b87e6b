package cn.lishui.police.grid.region;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo map of Lishui, generated from a fixed seed: towns, villages and grids with plausible names
 * and rectangular boundaries. Counties tile the modelled area, towns tile their county, villages their
 * town and grids their village, with shared edges at identical coordinates, so every point of the
 * modelled area lies in exactly one grid (a point on an edge belongs to the grid with the smaller code).
 * At scale 1 there are exactly {@value #VILLAGES} villages and {@value #GRIDS} grids; 遂昌 has the 20 towns,
 * 203 villages and 449 grids of its "one grid, one officer" reform.
 */
final class DemoMap {

    static final long SEED = 20260411L;
    static final int VILLAGES = 2_850;
    static final int GRIDS = 3_512;

    /** The modelled area around Lishui, WGS-84 degrees. */
    static final Area LISHUI = new Area(118.7, 27.4, 120.4, 28.6);

    /** Per county: towns, villages, grids at scale 1 (laid out west to east, south to north, 3 x 3). */
    private static final Map<String, int[]> SIZES = new LinkedHashMap<>();

    static {
        SIZES.put("331126", new int[] {19, 300, 330});  // 庆元, south-west
        SIZES.put("331127", new int[] {21, 250, 283});  // 景宁
        SIZES.put("331121", new int[] {32, 440, 510});  // 青田, south-east
        SIZES.put("331181", new int[] {19, 317, 340});  // 龙泉
        SIZES.put("331125", new int[] {10, 160, 200});  // 云和
        SIZES.put("331102", new int[] {15, 300, 420});  // 莲都
        SIZES.put("331123", new int[] {20, 203, 449});  // 遂昌, north-west
        SIZES.put("331124", new int[] {19, 400, 440});  // 松阳
        SIZES.put("331122", new int[] {18, 480, 540});  // 缙云, north-east
    }

    private static final String[][] SYLLABLES = {
            {"大", "Da"}, {"石", "Shi"}, {"溪", "Xi"}, {"山", "Shan"}, {"岭", "Ling"}, {"坑", "Keng"}, {"源", "Yuan"},
            {"口", "Kou"}, {"塘", "Tang"}, {"坪", "Ping"}, {"岙", "Ao"}, {"垟", "Yang"}, {"桥", "Qiao"},
            {"下", "Xia"}, {"上", "Shang"}, {"黄", "Huang"}, {"白", "Bai"}, {"龙", "Long"}, {"竹", "Zhu"},
            {"枫", "Feng"}, {"茶", "Cha"}, {"松", "Song"}, {"云", "Yun"}, {"青", "Qing"}, {"高", "Gao"},
            {"新", "Xin"}, {"东", "Dong"}, {"西", "Xi"}, {"南", "Nan"}, {"北", "Bei"}, {"金", "Jin"},
            {"水", "Shui"}, {"马", "Ma"}, {"周", "Zhou"}, {"章", "Zhang"}, {"叶", "Ye"}, {"梅", "Mei"},
            {"桃", "Tao"}, {"柳", "Liu"}, {"湖", "Hu"}, {"田", "Tian"}, {"坞", "Wu"}, {"峰", "Feng"},
            {"林", "Lin"}, {"庄", "Zhuang"}, {"岩", "Yan"}, {"洋", "Yang"}, {"潭", "Tan"}};

    private static final GridType[] SPECIAL_GRIDS = {GridType.ENTERPRISE, GridType.SCHOOL_AREA, GridType.MARKET,
            GridType.SCENIC_AREA, GridType.INDUSTRIAL_PARK};

    record Area(double west, double south, double east, double north) {

        GeoPolygon polygon() {
            return GeoPolygon.rectangle(west, south, east, north);
        }

        double size() {
            return (east - west) * (north - south);
        }
    }

    /** The generated map; {@code areas} holds the rectangle of every county, town, village and grid by code. */
    record Generated(List<Region> towns, List<Region> villages, List<Grid> grids, Map<String, Area> areas) {
    }

    private DemoMap() {
    }

    /** The map at a scale in (0, 1]: counts are scaled, at least one town per county and one grid per village. */
    static Generated generate(double scale) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("scale must be in (0, 1]: " + scale);
        }
        Random random = new Random(SEED);
        List<Region> towns = new ArrayList<>();
        List<Region> villages = new ArrayList<>();
        List<Grid> grids = new ArrayList<>();
        Map<String, Area> areas = new LinkedHashMap<>();

        List<Area> countyAreas = tile(LISHUI, SIZES.size(), random);
        int c = 0;
        for (Map.Entry<String, int[]> entry : SIZES.entrySet()) {
            String countyCode = entry.getKey();
            Area countyArea = countyAreas.get(c++);
            areas.put(countyCode, countyArea);
            int townCount = Math.max(1, (int) Math.round(entry.getValue()[0] * scale));
            int villageCount = Math.max(townCount, (int) Math.round(entry.getValue()[1] * scale));
            int gridCount = Math.max(villageCount, (int) Math.round(entry.getValue()[2] * scale));

            int[] villagesPerTown = spread(villageCount, townCount, random);
            int[] gridsPerVillage = spread(gridCount, villageCount, random);
            List<Area> townAreas = tile(countyArea, townCount, random);
            Set<String> townNames = new HashSet<>();
            int v = 0;
            for (int t = 0; t < townCount; t++) {
                boolean subdistrict = t == 0;
                String townCode = countyCode + String.format("%03d", (subdistrict ? 1 : 100 + t)) + "000";
                String[] townName = uniqueName(random, townNames);
                towns.add(new Region(townCode, townName[0] + (subdistrict ? "街道" : t % 3 == 0 ? "乡" : "镇"),
                        townName[1] + (subdistrict ? " Subdistrict" : t % 3 == 0 ? " Township" : " Town"),
                        RegionLevel.TOWN, countyCode));
                areas.put(townCode, townAreas.get(t));

                List<Area> villageAreas = tile(townAreas.get(t), villagesPerTown[t], random);
                Set<String> villageNames = new HashSet<>();
                for (int i = 0; i < villagesPerTown[t]; i++, v++) {
                    String villageCode = townCode.substring(0, 9) + String.format("%03d", 201 + i);
                    String[] villageName = uniqueName(random, villageNames);
                    villages.add(new Region(villageCode, villageName[0] + (subdistrict ? "社区" : "村"),
                            villageName[1] + (subdistrict ? " Community" : " Village"), RegionLevel.VILLAGE, townCode));
                    areas.put(villageCode, villageAreas.get(i));

                    List<Area> gridAreas = tile(villageAreas.get(i), gridsPerVillage[v], random);
                    for (int g = 0; g < gridAreas.size(); g++) {
                        String gridCode = villageCode + String.format("%03d", g + 1);
                        GridType type = subdistrict ? GridType.URBAN_COMMUNITY
                                : g == 0 ? GridType.RURAL : SPECIAL_GRIDS[random.nextInt(SPECIAL_GRIDS.length)];
                        grids.add(new Grid(gridCode, villageName[0] + "第" + (g + 1) + "网格", type, villageCode,
                                townCode, countyCode, gridAreas.get(g).polygon()));
                        areas.put(gridCode, gridAreas.get(g));
                    }
                }
            }
        }
        return new Generated(towns, villages, grids, areas);
    }

    /** {@code total} spread over {@code parts}, each at least one, the rest at random. */
    private static int[] spread(int total, int parts, Random random) {
        int[] counts = new int[parts];
        java.util.Arrays.fill(counts, 1);
        for (int i = parts; i < total; i++) {
            counts[random.nextInt(parts)]++;
        }
        return counts;
    }

    /**
     * Splits an area into {@code n} rectangles: columns, each split into rows, with cut lines moved at
     * random up to a quarter of a cell. Neighbours share the exact cut value, so the pieces tile the area.
     */
    static List<Area> tile(Area area, int n, Random random) {
        int columns = Math.max(1, (int) Math.round(Math.sqrt(n)));
        int[] rowsPerColumn = new int[columns];
        for (int i = 0; i < n; i++) {
            rowsPerColumn[i % columns]++;
        }
        double[] xs = cuts(area.west(), area.east(), columns, random);
        List<Area> pieces = new ArrayList<>(n);
        for (int col = 0; col < columns; col++) {
            double[] ys = cuts(area.south(), area.north(), rowsPerColumn[col], random);
            for (int row = 0; row < rowsPerColumn[col]; row++) {
                pieces.add(new Area(xs[col], ys[row], xs[col + 1], ys[row + 1]));
            }
        }
        return pieces;
    }

    private static double[] cuts(double from, double to, int pieces, Random random) {
        double[] cuts = new double[pieces + 1];
        cuts[0] = from;
        cuts[pieces] = to;
        double step = (to - from) / pieces;
        for (int i = 1; i < pieces; i++) {
            double cut = from + step * (i + (random.nextDouble() - 0.5) * 0.5);
            cuts[i] = Math.round(cut * 1e7) / 1e7;
        }
        return cuts;
    }

    private static String[] uniqueName(Random random, Set<String> taken) {
        while (true) {
            String[] first = SYLLABLES[random.nextInt(SYLLABLES.length)];
            String[] second = SYLLABLES[random.nextInt(SYLLABLES.length)];
            String name = first[0] + second[0];
            if (!first[0].equals(second[0]) && taken.add(name)) {
                return new String[] {name, first[1] + second[1].toLowerCase()};
            }
        }
    }
}
