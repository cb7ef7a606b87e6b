package cn.lishui.police.grid.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.junit.jupiter.api.Test;

/** The demo officers' figures and assignment rules, without Spring. */
class DemoOfficersTest {

    private static final String[] COUNTIES = {"331102", "331121", "331122", "331123", "331124", "331125", "331126",
            "331127", "331181"};
    private static final Function<String, ProtectedValue> PROTECT =
            phone -> new ProtectedValue(PersonalDataKind.PHONE, "k", "c", "b", "masked");

    private final List<String> villages = new ArrayList<>();
    private final List<String> grids = new ArrayList<>();

    DemoOfficersTest() {
        // 2,850 villages and 3,512 grids over the nine counties, unevenly.
        for (int v = 0; v < 2_850; v++) {
            String county = COUNTIES[(v * 7 / 3) % COUNTIES.length];
            villages.add(county + String.format("%03d%03d", 100 + v % 30, 201 + v / 30));
        }
        villages.sort(null);
        for (int g = 0; g < 3_512; g++) {
            grids.add(villages.get(g % villages.size()) + String.format("%03d", 1 + g / villages.size()));
        }
        grids.sort(null);
    }

    @Test
    void atFullScaleThereAre2040PoliceAnd2320AuxiliaryOfficers() {
        DemoOfficers.Generated generated = DemoOfficers.generate(villages, grids, 2_850, PROTECT);

        Map<OfficerKind, Long> byKind = generated.officers().stream()
                .collect(Collectors.groupingBy(Officer::kind, Collectors.counting()));
        assertThat(byKind).containsEntry(OfficerKind.POLICE, 2_040L).containsEntry(OfficerKind.AUXILIARY, 2_320L);
        assertThat(generated.officers().stream().map(Officer::id).collect(Collectors.toSet())).hasSize(4_360);
    }

    @Test
    void everyVillageHasAChiefPairWithAPoliceOfficerFromItsCounty() {
        DemoOfficers.Generated generated = DemoOfficers.generate(villages, grids, 2_850, PROTECT);
        Map<String, Officer> officers = generated.officers().stream()
                .collect(Collectors.toMap(Officer::id, Function.identity()));

        assertThat(generated.chiefs()).hasSize(2_850).allSatisfy(pair -> {
            assertThat(pair.chiefs()).hasSize(2);
            assertThat(pair.chiefs()).anyMatch(chief -> chief.kind() == OfficerKind.POLICE);
            assertThat(pair.chiefs()).allMatch(chief ->
                    pair.villageCode().startsWith(officers.get(chief.officerId()).countyCode()));
        });
    }

    @Test
    void everyGridHasOneGridOfficerFromItsCounty() {
        DemoOfficers.Generated generated = DemoOfficers.generate(villages, grids, 2_850, PROTECT);
        Map<String, Officer> officers = generated.officers().stream()
                .collect(Collectors.toMap(Officer::id, Function.identity()));

        assertThat(generated.gridOfficers()).hasSize(3_512);
        assertThat(new HashSet<>(generated.gridOfficers().stream().map(GridOfficer::gridCode).toList())).hasSize(3_512);
        assertThat(generated.gridOfficers()).allMatch(assignment ->
                assignment.gridCode().startsWith(officers.get(assignment.officerId()).countyCode()));
    }

    @Test
    void inLianduFiveHundredAndThreeChiefsLeadTheVillageTheyComeFrom() {
        DemoOfficers.Generated generated = DemoOfficers.generate(villages, grids, 2_850, PROTECT);
        Map<String, Set<String>> villagesLedBy = new HashMap<>();
        generated.chiefs().forEach(pair -> pair.chiefs().forEach(chief ->
                villagesLedBy.computeIfAbsent(chief.officerId(), id -> new HashSet<>()).add(pair.villageCode())));

        List<Officer> liandu = generated.officers().stream().filter(o -> o.countyCode().equals("331102")).toList();
        long sentHome = liandu.stream().filter(o -> o.nativeVillageCode() != null
                && villagesLedBy.getOrDefault(o.id(), Set.of()).contains(o.nativeVillageCode())).count();

        assertThat(sentHome).isEqualTo(503);
        assertThat(liandu).filteredOn(o -> o.nativeVillageCode() != null).hasSize(503);
        // the district's extra officers come out of the other counties: the city-wide totals hold
        assertThat(generated.officers()).hasSize(4_360);
    }

    @Test
    void theSameSeedGivesTheSameOfficers() {
        assertThat(DemoOfficers.generate(villages, grids, 2_850, PROTECT).officers())
                .isEqualTo(DemoOfficers.generate(villages, grids, 2_850, PROTECT).officers());
    }

    @Test
    void theDemoOfficerAndDemoPoliceAccountsAreTheGridOfficerAndChiefOfQingtiansFirstGridAndVillage() {
        DemoOfficers.Generated generated = DemoOfficers.generate(villages, grids, 2_850, PROTECT);
        Map<String, String> accounts = generated.officers().stream().filter(o -> o.account() != null)
                .collect(Collectors.toMap(Officer::account, Officer::id));

        assertThat(accounts).containsOnlyKeys("demo-officer", "demo-police");
        String firstGrid = grids.stream().filter(g -> g.startsWith("331121")).findFirst().orElseThrow();
        String firstVillage = villages.stream().filter(v -> v.startsWith("331121")).findFirst().orElseThrow();
        assertThat(generated.gridOfficers()).anyMatch(g -> g.gridCode().equals(firstGrid)
                && g.officerId().equals(accounts.get("demo-officer")));
        assertThat(generated.chiefs()).anyMatch(c -> c.villageCode().equals(firstVillage)
                && c.chiefs().get(0).officerId().equals(accounts.get("demo-police")));
    }
}
