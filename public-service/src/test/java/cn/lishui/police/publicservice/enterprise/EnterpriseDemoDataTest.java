package cn.lishui.police.publicservice.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"fengqiao.public.demo.enterprises=true",
        "fengqiao.public.demo.bihu-station-id=station-demo-bihu"})
@SelectedMongo
class EnterpriseDemoDataTest {

    @Autowired
    EnterpriseRepository enterprises;

    @Autowired
    EnterpriseDemoData demoData;

    @Test
    void bihuStationHas274DemoEnterprisesWithDistinctNamesAndCodesAndARerunAddsNone() {
        assertThat(enterprises.countByStationId("station-demo-bihu")).isEqualTo(274);
        demoData.run(new DefaultApplicationArguments());
        assertThat(enterprises.countByStationId("station-demo-bihu")).isEqualTo(274);
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        enterprises.findAll().stream().filter(e -> e.stationId().equals("station-demo-bihu")).forEach(e -> {
            names.add(e.name());
            codes.add(e.creditCode());
        });
        assertThat(names).hasSize(274);
        assertThat(codes).hasSize(274).allMatch(code -> code.matches(
                "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}"));
    }

    @Test
    void theCreditCodeCheckCharacterFollowsGb32100() {
        // a published example of a valid unified social credit code: 91350100M000100Y43
        assertThat(EnterpriseDemoData.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        String code = EnterpriseDemoData.creditCode(0);
        assertThat(code).startsWith("91331102MA2B00001").hasSize(18);
        assertThat(code.charAt(17)).isEqualTo(EnterpriseDemoData.checkCharacter(code.substring(0, 17)));
    }
}
