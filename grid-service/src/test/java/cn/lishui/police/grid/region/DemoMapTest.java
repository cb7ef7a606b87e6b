package cn.lishui.police.grid.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import cn.lishui.police.platform.region.LishuiCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/** The demo map's figures and its tiling, without Spring. */
class DemoMapTest {

    @Test
    void atFullScaleLishuiHas2850VillagesAnd3512Grids() {
        DemoMap.Generated map = DemoMap.generate(1);

        assertThat(map.villages()).hasSize(2_850);
        assertThat(map.grids()).hasSize(3_512);
        assertThat(map.towns().stream().map(Region::parentCode).distinct().sorted())
                .containsExactlyElementsOf(java.util.Arrays.stream(LishuiCounty.values()).map(LishuiCounty::code).toList());
    }

    @Test
    void suichangHasTheTownsVillagesAndGridsOfItsOneGridOneOfficerReform() {
        DemoMap.Generated map = DemoMap.generate(1);

        assertThat(map.towns().stream().filter(t -> t.parentCode().equals("331123"))).hasSize(20);
        assertThat(map.villages().stream().filter(v -> v.code().startsWith("331123"))).hasSize(203);
        assertThat(map.grids().stream().filter(g -> g.countyCode().equals("331123"))).hasSize(449);
    }

    @Test
    void theSameSeedGivesTheSameMap() {
        assertThat(DemoMap.generate(1)).isEqualTo(DemoMap.generate(1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.1, 1})
    void codesAreUniqueAndNestInTheirParents(double scale) {
        DemoMap.Generated map = DemoMap.generate(scale);
        List<String> codes = new ArrayList<>();
        map.towns().forEach(t -> codes.add(t.code()));
        map.villages().forEach(v -> codes.add(v.code()));
        map.grids().forEach(g -> codes.add(g.code()));
        assertThat(new HashSet<>(codes)).hasSize(codes.size());

        assertThat(map.towns()).allSatisfy(town -> {
            assertThat(town.code()).matches("\\d{12}").startsWith(town.parentCode()).endsWith("000");
            assertThat(town.level()).isEqualTo(RegionLevel.TOWN);
        });
        assertThat(map.villages()).allSatisfy(village -> {
            assertThat(village.code()).matches("\\d{12}").startsWith(village.parentCode().substring(0, 9));
            assertThat(village.level()).isEqualTo(RegionLevel.VILLAGE);
        });
        assertThat(map.grids()).allSatisfy(grid -> {
            assertThat(grid.code()).matches("\\d{15}").startsWith(grid.villageCode());
            assertThat(grid.villageCode()).startsWith(grid.townCode().substring(0, 9));
            assertThat(grid.townCode()).startsWith(grid.countyCode());
        });
        Map<String, Long> gridsPerVillage = map.grids().stream()
                .collect(Collectors.groupingBy(Grid::villageCode, Collectors.counting()));
        assertThat(gridsPerVillage).hasSize(map.villages().size());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.1})
    void childrenTileTheirParentWithoutOverlap(double scale) {
        DemoMap.Generated map = DemoMap.generate(scale);
        Map<String, DemoMap.Area> areas = map.areas();
        Map<String, List<String>> children = new java.util.HashMap<>();
        map.towns().forEach(t -> children.computeIfAbsent(t.parentCode(), k -> new ArrayList<>()).add(t.code()));
        map.villages().forEach(v -> children.computeIfAbsent(v.parentCode(), k -> new ArrayList<>()).add(v.code()));
        map.grids().forEach(g -> children.computeIfAbsent(g.villageCode(), k -> new ArrayList<>()).add(g.code()));
        children.computeIfAbsent("331100", k -> new ArrayList<>()).addAll(
                java.util.Arrays.stream(LishuiCounty.values()).map(LishuiCounty::code).toList());
        areas = new java.util.HashMap<>(areas);
        areas.put("331100", DemoMap.LISHUI);

        for (Map.Entry<String, List<String>> family : children.entrySet()) {
            DemoMap.Area parent = areas.get(family.getKey());
            double sum = 0;
            List<DemoMap.Area> pieces = family.getValue().stream().map(areas::get).toList();
            for (int i = 0; i < pieces.size(); i++) {
                DemoMap.Area piece = pieces.get(i);
                assertThat(piece.west()).isGreaterThanOrEqualTo(parent.west()).isLessThan(piece.east());
                assertThat(piece.east()).isLessThanOrEqualTo(parent.east());
                assertThat(piece.south()).isGreaterThanOrEqualTo(parent.south()).isLessThan(piece.north());
                assertThat(piece.north()).isLessThanOrEqualTo(parent.north());
                sum += piece.size();
                for (int j = i + 1; j < pieces.size(); j++) {
                    DemoMap.Area other = pieces.get(j);
                    double overlap = Math.max(0, Math.min(piece.east(), other.east()) - Math.max(piece.west(), other.west()))
                            * Math.max(0, Math.min(piece.north(), other.north()) - Math.max(piece.south(), other.south()));
                    assertThat(overlap).as("%s overlaps %s", family.getValue().get(i), family.getValue().get(j))
                            .isZero();
                }
            }
            assertThat(sum).as("children of %s cover it", family.getKey()).isCloseTo(parent.size(), within(1e-9));
        }
    }

    @Test
    void everyPointOfTheModelledAreaLiesInExactlyOneGridPolygon() {
        DemoMap.Generated map = DemoMap.generate(1);
        STRtree tree = new STRtree();
        map.grids().forEach(grid -> tree.insert(Boundaries.toPolygon(grid.boundary()).getEnvelopeInternal(),
                Boundaries.toPolygon(grid.boundary())));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double lng = DemoMap.LISHUI.west() + random.nextDouble() * (DemoMap.LISHUI.east() - DemoMap.LISHUI.west());
            double lat = DemoMap.LISHUI.south() + random.nextDouble() * (DemoMap.LISHUI.north() - DemoMap.LISHUI.south());
            var point = Boundaries.GEOMETRY.createPoint(new org.locationtech.jts.geom.Coordinate(lng, lat));
            long containing = tree.query(new Envelope(lng, lng, lat, lat)).stream()
                    .filter(p -> ((org.locationtech.jts.geom.Polygon) p).contains(point)).count();
            assertThat(containing).as("grids containing %s,%s", lat, lng).isEqualTo(1);
        }
    }
}
