package cn.lishui.police.grid.incident;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import cn.lishui.police.platform.snapshot.RefreshingSnapshot;
import cn.lishui.police.platform.snapshot.StoreChanges;
import cn.lishui.police.platform.snapshot.StoreWrites;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** The guidance per category: what ADMIN stored, else the built-in default below. */
@Service
class EnforcementGuides {

    /** What ADMIN sends to replace a category's guidance. */
    record Update(@NotBlank @Size(max = 100) String title,
                  @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 500) String> steps,
                  @Size(max = 20) List<@NotBlank @Size(max = 300) String> legalBasis) {
    }

    /** The guidance as incidents and the API show it. */
    record Guidance(IncidentCategory category, String title, List<String> steps, List<String> legalBasis,
                    boolean builtIn) {
    }

    private static final Map<IncidentCategory, Guidance> DEFAULTS = new EnumMap<>(IncidentCategory.class);

    static {
        defaults(IncidentCategory.THEFT, "盗窃警情处置指引",
                List.of("保护现场，询问报警人损失物品及发现经过", "调取周边视频监控，开展网格走访排查", "制作询问笔录、现场勘查记录", "符合立案标准的依法立案侦查"),
                List.of("《中华人民共和国刑法》第二百六十四条", "《中华人民共和国治安管理处罚法》第四十九条"));
        defaults(IncidentCategory.ROBBERY_SNATCHING, "两抢警情处置指引",
                List.of("第一时间救助伤者并报告指挥室", "组织堵截、追缉，通报嫌疑人体貌特征", "保护现场，固定证据", "依法立案侦查"),
                List.of("《中华人民共和国刑法》第二百六十三条、第二百六十七条"));
        defaults(IncidentCategory.FRAUD, "诈骗警情处置指引",
                List.of("核实被骗经过、转账账户及金额", "立即通报反诈中心开展紧急止付", "提取聊天记录、转账凭证", "依法受案、立案"),
                List.of("《中华人民共和国刑法》第二百六十六条", "《中华人民共和国反电信网络诈骗法》"));
        defaults(IncidentCategory.PUBLIC_ORDER, "治安警情处置指引",
                List.of("到场制止违法行为，控制事态", "查明当事人身份，固定证据", "依法调查处理或调解"),
                List.of("《中华人民共和国治安管理处罚法》"));
        defaults(IncidentCategory.DISPUTE, "纠纷警情处置指引",
                List.of("到场隔离双方，防止矛盾激化", "了解纠纷起因，当场调解", "调解不成的，经双方同意移交人民调解（110 联调）"),
                List.of("《中华人民共和国人民调解法》", "《公安机关办理行政案件程序规定》"));
        defaults(IncidentCategory.TRAFFIC, "交通警情处置指引",
                List.of("设置警示标志，保护现场", "救助伤员，疏导交通", "通知交警部门处理事故"),
                List.of("《中华人民共和国道路交通安全法》"));
        defaults(IncidentCategory.FIRE, "火情警情处置指引",
                List.of("立即通知消防救援部门", "疏散群众，设置警戒", "协助调查起火原因"),
                List.of("《中华人民共和国消防法》"));
        defaults(IncidentCategory.RESCUE, "救助警情处置指引",
                List.of("核实求助人位置与状况", "联系医疗、救援力量", "做好现场安全防护"),
                List.of("《中华人民共和国人民警察法》第二十一条"));
        defaults(IncidentCategory.OTHER, "一般警情处置指引",
                List.of("核实警情内容", "依职责处置或移交相关部门", "向指挥室反馈处置结果"),
                List.of("《中华人民共和国人民警察法》"));
    }

    private static void defaults(IncidentCategory category, String title, List<String> steps, List<String> basis) {
        DEFAULTS.put(category, new Guidance(category, title, steps, basis, true));
    }

    /** How long another replica's change may take to show here (this one's show at once). */
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final MongoTemplate mongo;
    private final Clock clock;
    /** What ADMIN stored, per category: every incident answer shows its category's guidance. */
    private final RefreshingSnapshot<Map<IncidentCategory, Guidance>> stored;

    EnforcementGuides(MongoTemplate mongo, ObjectProvider<Clock> clock, StoreWrites writes, StoreChanges changes) {
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        List<String> collection = List.of(mongo.getCollectionName(EnforcementGuide.class));
        this.stored = new RefreshingSnapshot<>(this::load, MAX_AGE, this.clock, changes, collection);
        // a replace (or any save or delete of a guide through the template) is shown by the next answer
        writes.onWrite(collection, stored::invalidate);
    }

    Guidance of(IncidentCategory category) {
        return stored.get().getOrDefault(category, DEFAULTS.get(category));
    }

    private Map<IncidentCategory, Guidance> load() {
        Map<IncidentCategory, Guidance> guides = new EnumMap<>(IncidentCategory.class);
        for (EnforcementGuide guide : mongo.findAll(EnforcementGuide.class)) {
            Arrays.stream(IncidentCategory.values()).filter(category -> category.name().equals(guide.category()))
                    .findFirst().ifPresent(category -> guides.put(category,
                            new Guidance(category, guide.title(), guide.steps(), guide.legalBasis(), false)));
        }
        return guides;
    }

    List<Guidance> all() {
        return Arrays.stream(IncidentCategory.values()).map(this::of).toList();
    }

    Guidance replace(IncidentCategory category, Update update, String by) {
        EnforcementGuide current = mongo.findById(category.name(), EnforcementGuide.class);
        mongo.save(new EnforcementGuide(category.name(), update.title().strip(),
                update.steps().stream().map(String::strip).toList(),
                update.legalBasis() == null ? List.of() : update.legalBasis().stream().map(String::strip).toList(),
                by, clock.instant(), current == null ? null : current.version()));
        return of(category);
    }
}
