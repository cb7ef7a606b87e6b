package cn.lishui.police.publicservice.enterprise;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo data set of the issue: 274 enterprises served by 碧湖 station's officers as their 安防CEO. The names
 * are generated (demo only, no real companies); the credit codes carry a valid GB 32100 check character.
 * Loaded when fengqiao.public.demo.enterprises is true, or when it is unset and the service runs on the embedded
 * store (spring.mongodb.uri unset), like the demo users; only while the station has no enterprises yet.
 */
@Component
class EnterpriseDemoData implements ApplicationRunner {

    static final int COUNT = 274;

    private static final Logger log = LoggerFactory.getLogger(EnterpriseDemoData.class);
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String[] WORDS = {"宏达", "华鑫", "永盛", "瓯江", "新联", "恒通", "金源", "丰泽", "绿谷", "天宇",
        "鼎盛", "汇丰", "博远", "嘉和", "瑞祥", "众诚", "明辉", "兴业", "润德", "卓越"};
    private static final String[] TRADES = {"机械", "五金", "竹木制品", "食品", "纺织", "电子", "汽车配件", "塑料制品",
        "包装", "物流", "建材", "茶业", "阀门", "农业开发"};

    private final EnterpriseRepository enterprises;
    private final Environment environment;

    EnterpriseDemoData(EnterpriseRepository enterprises, Environment environment) {
        this.enterprises = enterprises;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String enabled = environment.getProperty("fengqiao.public.demo.enterprises");
        boolean load = enabled == null ? environment.getProperty("spring.mongodb.uri") == null
                : Boolean.parseBoolean(enabled);
        String station = environment.getProperty("fengqiao.public.demo.bihu-station-id", "station-331102-01");
        if (!load || enterprises.countByStationId(station) > 0) {
            return;
        }
        List<Enterprise> demo = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String name = "丽水碧湖" + WORDS[i % WORDS.length] + TRADES[i / WORDS.length % TRADES.length] + "有限公司";
            demo.add(new Enterprise(creditCode(i), name, station, "浙江省丽水市莲都区碧湖镇"));
        }
        enterprises.saveAll(demo);
        log.info("demo data: {} enterprises of station {}", COUNT, station);
    }

    /** 91 (enterprise) + 331102 (莲都区) + a 9-character organisation code + the GB 32100 check character. */
    static String creditCode(int sequence) {
        String body = "91331102" + "MA2B" + String.format("%05d", sequence + 1);
        return body + checkCharacter(body);
    }

    /** The 18th character of a unified social credit code from its first 17 (GB 32100-2015). */
    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += CODE_CHARS.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        return CODE_CHARS.charAt((31 - sum % 31) % 31);
    }
}
