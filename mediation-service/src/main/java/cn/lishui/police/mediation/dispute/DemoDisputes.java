package cn.lishui.police.mediation.dispute;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import cn.lishui.police.mediation.demo.DemoSeed;
import cn.lishui.police.mediation.mediator.MediatorDirectory;
import cn.lishui.police.mediation.mediator.MediatorRef;
import cn.lishui.police.mediation.organisation.OrganisationDirectory;
import cn.lishui.police.mediation.organisation.OrganisationRef;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo disputes ({@link DemoSeed}), from a fixed seed, written once: each goes through the real workflow
 * (so history, KPI counters and dates are what the service itself would have recorded). 壶镇's are all resolved
 * this year; elsewhere they stand in every state, a few past their one-month limit.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("fengqiao.demo-data.enabled")
class DemoDisputes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDisputes.class);
    private static final String BY = "demo-data";
    private static final SeedDisputes WALK = new SeedDisputes(BY);
    private static final String[] FAMILY = {"应", "胡", "李", "王", "陈", "朱", "吕", "周", "杜", "赵", "丁", "施", "樊",
            "蓝", "雷", "叶", "潘", "徐"};
    private static final String[] GIVEN = {"伟", "芳", "军", "敏", "强", "静", "勇", "丽", "洋", "艳", "杰", "娟",
            "涛", "霞"};
    private static final String[] DESCRIPTIONS = {"相邻两户因排水沟堵塞发生争执。", "夫妻因赡养老人问题发生矛盾。",
            "两户村民因山林边界发生争议。", "工人追讨三个月工资未果。", "顾客购买的电动车质量问题与商家协商不成。",
            "两车剐蹭后对赔偿金额有争议。", "货款结算发生纠纷。", "宅基地建房遮挡采光引发矛盾。"};

    private final MongoTemplate mongo;
    private final KpiCounters kpis;
    private final OrganisationDirectory organisations;
    private final MediatorDirectory mediators;
    private final PersonalDataProtector protector;
    private final Clock clock;

    DemoDisputes(MongoTemplate mongo, KpiCounters kpis, OrganisationDirectory organisations,
                 MediatorDirectory mediators, PersonalDataProtector protector, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.kpis = kpis;
        this.organisations = organisations;
        this.mediators = mediators;
        this.protector = protector;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (SeedDisputes.written(mongo, BY)) {
            return;
        }
        Random random = new Random(DemoSeed.SEED);
        Instant now = clock.instant();
        List<Dispute> disputes = new ArrayList<>();
        int index = 0;
        for (DemoSeed.Organisation seed : DemoSeed.organisations()) {
            OrganisationRef organisation = organisations.find(seed.id()).orElse(null);
            List<MediatorRef> desk = mediators.activeOf(seed.id()).stream()
                    .sorted(Comparator.comparing(MediatorRef::id)).toList();
            if (organisation == null || desk.isEmpty()) {
                continue;
            }
            for (int i = 0; i < seed.disputes(); i++, index++) {
                MediatorRef mediator = desk.get(i % desk.size());
                Dispute dispute = seed.resolved() ? resolved(organisation, mediator, index, random, now)
                        : anyState(organisation, mediator, index, random, now);
                disputes.add(WALK.escalatedIfOverdue(dispute, organisation, now));
            }
        }
        kpis.insertAll(disputes);
        if (!disputes.isEmpty()) {
            SeedDisputes.markWritten(mongo, BY);
        }
        log.info("Demo disputes written: {}", disputes.size());
    }

    /** Registered this year, mediated, agreed (or, rarely, referred on) and closed. */
    private Dispute resolved(OrganisationRef organisation, MediatorRef mediator, int index, Random random,
                             Instant now) {
        Instant registered = now.minus(Duration.ofDays(45 + random.nextInt(280)))
                .minus(Duration.ofMinutes(random.nextInt(600)));
        Dispute dispute = registered(organisation, index, random, registered);
        Instant concluded = registered.plus(Duration.ofDays(2 + random.nextInt(18)));
        SeedDisputes.Plan plan = index % 25 == 7
                ? SeedDisputes.Plan.failed(SeedDisputes.Stage.FAILED_CLOSED, concluded,
                DisputeCommands.Referral.LITIGATION, "一方坚持诉讼，已引导至法院")
                : SeedDisputes.Plan.agreed(SeedDisputes.Stage.CLOSED, concluded, random.nextInt(10) == 0
                ? DisputeCommands.FollowUpResult.PARTLY : DisputeCommands.FollowUpResult.PERFORMED);
        return WALK.walk(dispute, plan, organisation, mediator);
    }

    /** Elsewhere: new, accepted, with a mediator, agreed, referred on, closed, withdrawn; some overdue. */
    private Dispute anyState(OrganisationRef organisation, MediatorRef mediator, int index, Random random,
                             Instant now) {
        int state = random.nextInt(10);
        boolean overdue = state < 4 && random.nextInt(4) == 0;
        Instant registered = now.minus(Duration.ofDays(overdue ? 35 + random.nextInt(20)
                : state < 5 ? 1 + random.nextInt(20) : 40 + random.nextInt(200)));
        Dispute dispute = registered(organisation, index, random, registered);
        Instant concluded = state < 5 ? null : registered.plus(Duration.ofDays(3 + random.nextInt(20)));
        SeedDisputes.Plan plan = switch (state) {
            case 0 -> SeedDisputes.Plan.of(SeedDisputes.Stage.REGISTERED);
            case 1 -> SeedDisputes.Plan.of(overdue ? SeedDisputes.Stage.ACCEPTED : SeedDisputes.Stage.WITHDRAWN);
            case 2 -> SeedDisputes.Plan.of(SeedDisputes.Stage.ASSIGNED);
            case 3, 4 -> SeedDisputes.Plan.of(SeedDisputes.Stage.IN_MEDIATION);
            case 5 -> SeedDisputes.Plan.failed(SeedDisputes.Stage.FAILED, concluded,
                    DisputeCommands.Referral.ARBITRATION, "劳动报酬争议，引导申请劳动仲裁");
            case 6 -> SeedDisputes.Plan.agreed(SeedDisputes.Stage.AGREED, concluded, null);
            default -> SeedDisputes.Plan.agreed(SeedDisputes.Stage.CLOSED, concluded,
                    DisputeCommands.FollowUpResult.PERFORMED);
        };
        return WALK.walk(dispute, plan, organisation, mediator);
    }

    private Dispute registered(OrganisationRef organisation, int index, Random random, Instant at) {
        List<Party> parties = List.of(party(Party.PartyRole.APPLICANT, random),
                party(Party.PartyRole.RESPONDENT, random));
        DisputeCategory category = DemoSeed.category(index);
        return Dispute.register(index % 3 == 0 ? DisputeSource.INCIDENT_HANDOFF : DisputeSource.GRID_OFFICER, BY,
                organisation.countyCode(), null, VillageCheck.notGiven(), category,
                DESCRIPTIONS[Math.floorMod(index, DESCRIPTIONS.length)], (long) (random.nextInt(50) * 10_000),
                parties, organisation, at);
    }

    private Party party(Party.PartyRole role, Random random) {
        String name = FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        return new Party(UUID.nameUUIDFromBytes((name + phone).getBytes(StandardCharsets.UTF_8)).toString(),
                protector.protect(PersonalDataKind.NAME, name), protector.protect(PersonalDataKind.PHONE, phone),
                role, random.nextInt(4) == 0 ? "缙云话" : null, null);
    }
}
