package cn.lishui.police.mediation.dispute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.lishui.police.mediation.demo.DemoSeed;
import cn.lishui.police.mediation.mediator.MediatorDirectory;
import cn.lishui.police.mediation.mediator.MediatorRef;
import cn.lishui.police.mediation.organisation.OrganisationDirectory;
import cn.lishui.police.mediation.organisation.OrganisationRef;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Benchmark data only (bench/mediation): with {@code fengqiao.mediation.bench.disputes=N} (and the demo
 * organisations and mediators loaded), N more disputes, registered over the last two years, spread evenly over
 * the nine counties and then over each county's organisations (those with mediators, the benchmark's own among
 * them), in the categories' usual shares. Each stands where a dispute of its age would: the last days' are new,
 * accepted or with a mediator; those of the last month in mediation, agreed, referred on or closed; older ones
 * closed after a session, an agreement and a follow-up visit, or withdrawn, declined or referred on, and a few
 * still open past their one-month limit (escalated, as the overdue sweep would have done). Each is walked
 * through the real workflow ({@link SeedDisputes}), then inserted in batches in the order of their ids and
 * counted as they go ({@link KpiCounters#bulkLoad}). Written once per data directory (skipped when bench
 * disputes exist).
 */
@Component
@Order(40)
@ConditionalOnExpression("${fengqiao.mediation.bench.disputes:0} > 0")
class BenchDisputes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchDisputes.class);
    static final String BY = "bench-data";
    private static final int BATCH = 1_000;
    private static final SeedDisputes WALK = new SeedDisputes(BY);

    private final MongoTemplate mongo;
    private final KpiCounters kpis;
    private final OrganisationDirectory organisations;
    private final MediatorDirectory mediators;
    private final PersonalDataProtector protector;
    private final Clock clock;
    private final int count;

    BenchDisputes(MongoTemplate mongo, KpiCounters kpis, OrganisationDirectory organisations,
                  MediatorDirectory mediators, PersonalDataProtector protector, ObjectProvider<Clock> clock,
                  @Value("${fengqiao.mediation.bench.disputes}") int count) {
        this.mongo = mongo;
        this.kpis = kpis;
        this.organisations = organisations;
        this.mediators = mediators;
        this.protector = protector;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.count = count;
    }

    /** An organisation and its mediators (in id order, so a seed gives the same data). */
    private record Desk(OrganisationRef organisation, List<MediatorRef> mediators) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (SeedDisputes.written(mongo, BY)) {
            return;
        }
        Map<String, List<Desk>> desksByCounty = new LinkedHashMap<>();
        List<DemoSeed.Organisation> seeds = new ArrayList<>(DemoSeed.organisations());
        seeds.add(DemoSeed.benchOrganisation(0));  // with its mediators when fengqiao.mediation.bench.mediators is set
        for (DemoSeed.Organisation seed : seeds) {
            OrganisationRef organisation = organisations.find(seed.id()).orElse(null);
            List<MediatorRef> desk = mediators.activeOf(seed.id()).stream()
                    .sorted(Comparator.comparing(MediatorRef::id)).toList();
            if (organisation != null && !desk.isEmpty()) {
                desksByCounty.computeIfAbsent(organisation.countyCode(), c -> new ArrayList<>())
                        .add(new Desk(organisation, desk));
            }
        }
        if (desksByCounty.isEmpty()) {
            log.warn("Bench disputes: no demo organisations with mediators (fengqiao.demo-data.enabled=true?)");
            return;
        }
        List<List<Desk>> counties = List.copyOf(desksByCounty.values());
        long started = System.nanoTime();
        Random random = new Random(DemoSeed.SEED + 1);
        Instant now = clock.instant();
        // two sealed values shared by every bench party: sealing 200,000 names would dominate the seeding
        ProtectedValue name = protector.protect(PersonalDataKind.NAME, "测试当事人");
        ProtectedValue phone = protector.protect(PersonalDataKind.PHONE, "13800000000");
        kpis.bulkLoad(insert -> {
            List<Dispute> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < count; i++) {
                List<Desk> county = counties.get(random.nextInt(counties.size()));
                Desk desk = county.get(random.nextInt(county.size()));
                MediatorRef mediator = desk.mediators().get(random.nextInt(desk.mediators().size()));
                batch.add(dispute(desk.organisation(), mediator, i, random, now, name, phone));
                if (batch.size() == BATCH || i == count - 1) {
                    insert.accept(batch);
                    batch = new ArrayList<>(BATCH);
                    if ((i + 1) % 20_000 == 0) {
                        log.info("Bench disputes: {} of {} written", i + 1, count);
                    }
                }
            }
        });
        SeedDisputes.markWritten(mongo, BY);
        log.info("Bench disputes written: {} in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    private Dispute dispute(OrganisationRef organisation, MediatorRef mediator, int index, Random random,
                            Instant now, ProtectedValue name, ProtectedValue phone) {
        Duration age = Duration.ofMinutes(random.nextInt(730 * 24 * 60));
        Instant registered = now.minus(age);
        String dialect = random.nextInt(3) == 0 ? DemoSeed.dialectOf(organisation.countyCode()) : null;
        List<Party> parties = List.of(
                new Party("p1-" + index, name, phone, Party.PartyRole.APPLICANT, dialect, null),
                new Party("p2-" + index, name, phone, Party.PartyRole.RESPONDENT, null, null));
        Dispute dispute = Dispute.register(index % 3 == 0 ? DisputeSource.INCIDENT_HANDOFF : DisputeSource.GRID_OFFICER,
                BY, organisation.countyCode(), null, VillageCheck.notGiven(), DemoSeed.category(random.nextInt(13)),
                "基准测试纠纷", (long) random.nextInt(50) * 10_000, parties, organisation, registered);
        Instant concluded = registered.plus(Duration.ofDays(2 + random.nextInt(25)))
                .plus(Duration.ofHours(random.nextInt(24)));
        SeedDisputes.Plan plan = plan(age, random.nextInt(100), concluded);
        return WALK.escalatedIfOverdue(WALK.walk(dispute, fitted(plan, registered, now), organisation, mediator),
                organisation, now);
    }

    /** The stage of a dispute of this age ({@code roll}: 0–99). */
    private static SeedDisputes.Plan plan(Duration age, int roll, Instant concluded) {
        if (age.toDays() < 3) {
            return SeedDisputes.Plan.of(roll < 40 ? SeedDisputes.Stage.REGISTERED : roll < 60
                    ? SeedDisputes.Stage.ACCEPTED : roll < 90 ? SeedDisputes.Stage.ASSIGNED : SeedDisputes.Stage.WITHDRAWN);
        }
        if (age.toDays() < 35) {
            return roll < 5 ? SeedDisputes.Plan.of(SeedDisputes.Stage.ACCEPTED)
                    : roll < 15 ? SeedDisputes.Plan.of(SeedDisputes.Stage.ASSIGNED)
                    : roll < 45 ? SeedDisputes.Plan.of(SeedDisputes.Stage.IN_MEDIATION)
                    : roll < 75 ? SeedDisputes.Plan.agreed(SeedDisputes.Stage.AGREED, concluded, null)
                    : roll < 80 ? failed(SeedDisputes.Stage.FAILED, concluded, roll)
                    : roll < 85 ? SeedDisputes.Plan.of(SeedDisputes.Stage.WITHDRAWN)
                    : roll < 90 ? SeedDisputes.Plan.of(SeedDisputes.Stage.DECLINED)
                    : SeedDisputes.Plan.agreed(SeedDisputes.Stage.CLOSED, concluded,
                    DisputeCommands.FollowUpResult.PERFORMED);
        }
        return roll < 73 ? SeedDisputes.Plan.agreed(SeedDisputes.Stage.CLOSED, concluded, roll < 66
                ? DisputeCommands.FollowUpResult.PERFORMED : DisputeCommands.FollowUpResult.PARTLY)
                : roll < 86 ? failed(SeedDisputes.Stage.FAILED_CLOSED, concluded, roll)
                : roll < 92 ? SeedDisputes.Plan.of(SeedDisputes.Stage.WITHDRAWN)
                : roll < 97 ? SeedDisputes.Plan.of(SeedDisputes.Stage.DECLINED)
                // the follow-up visit not made yet, the referral not closed, and one in a hundred still in
                // mediation past the one-month limit (overdue)
                : roll < 98 ? SeedDisputes.Plan.agreed(SeedDisputes.Stage.AGREED, concluded, null)
                : roll < 99 ? failed(SeedDisputes.Stage.FAILED, concluded, roll)
                : SeedDisputes.Plan.of(SeedDisputes.Stage.IN_MEDIATION);
    }

    private static SeedDisputes.Plan failed(SeedDisputes.Stage stage, Instant concluded, int roll) {
        return roll % 2 == 0
                ? SeedDisputes.Plan.failed(stage, concluded, DisputeCommands.Referral.LITIGATION, "一方坚持诉讼")
                : SeedDisputes.Plan.failed(stage, concluded, DisputeCommands.Referral.ARBITRATION, "引导申请劳动仲裁");
    }

    /** The plan cut back to what could have happened by now (no step after {@code now}). */
    private static SeedDisputes.Plan fitted(SeedDisputes.Plan plan, Instant registered, Instant now) {
        SeedDisputes.Stage stage = plan.stage();
        if (stage.mediated() && (plan.concluded().isAfter(now)
                || stage == SeedDisputes.Stage.FAILED_CLOSED && plan.concluded().plus(Duration.ofDays(1)).isAfter(now)
                || stage == SeedDisputes.Stage.CLOSED && plan.concluded()
                .plus(Duration.ofDays(Dispute.FOLLOW_UP_AFTER_DAYS + 1)).isAfter(now))) {
            stage = plan.concluded().isAfter(now) ? SeedDisputes.Stage.IN_MEDIATION
                    : stage == SeedDisputes.Stage.CLOSED ? SeedDisputes.Stage.AGREED : SeedDisputes.Stage.FAILED;
        }
        Duration age = Duration.between(registered, now);
        if (stage == SeedDisputes.Stage.IN_MEDIATION && age.toHours() < 26) {
            stage = SeedDisputes.Stage.ASSIGNED;
        }
        if ((stage == SeedDisputes.Stage.ASSIGNED || stage == SeedDisputes.Stage.WITHDRAWN
                || stage == SeedDisputes.Stage.DECLINED) && age.toHours() < 5) {
            stage = SeedDisputes.Stage.REGISTERED;
        }
        if (stage == SeedDisputes.Stage.ACCEPTED && age.toHours() < 2) {
            stage = SeedDisputes.Stage.REGISTERED;
        }
        return new SeedDisputes.Plan(stage, plan.concluded(), plan.referral(), plan.referralReason(),
                plan.followUp());
    }
}
