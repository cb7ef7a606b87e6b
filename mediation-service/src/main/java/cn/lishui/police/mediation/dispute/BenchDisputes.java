package cn.lishui.police.mediation.dispute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Benchmark data only ({@code bench/mediation/kpi.sh}): with {@code fengqiao.mediation.bench.disputes=N} (and
 * the demo organisations and mediators loaded), writes N more disputes over the demo organisations, registered
 * over the last two years, in every state, each through the real workflow methods, in batches; the KPI
 * counters are rebuilt from a recount at the end ({@link KpiCounters#bulkLoad}). Written once per data
 * directory (skipped when bench disputes exist).
 */
@Component
@Order(40)
@ConditionalOnExpression("${fengqiao.mediation.bench.disputes:0} > 0")
class BenchDisputes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchDisputes.class);
    static final String BY = "bench-data";
    private static final int BATCH = 2_000;
    private static final DisputeActor HEAD = new DisputeActor(BY, Set.of("COMMANDER"), true);

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

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(Query.query(Criteria.where("registeredBy").is(BY)), Dispute.class)) {
            return;
        }
        List<OrganisationRef> desks = new ArrayList<>();
        List<List<MediatorRef>> mediatorsOf = new ArrayList<>();
        for (DemoSeed.Organisation seed : DemoSeed.organisations()) {
            OrganisationRef organisation = organisations.find(seed.id()).orElse(null);
            List<MediatorRef> desk = mediators.activeOf(seed.id()).stream()
                    .sorted(Comparator.comparing(MediatorRef::id)).toList();
            if (organisation != null && !desk.isEmpty()) {
                desks.add(organisation);
                mediatorsOf.add(desk);
            }
        }
        if (desks.isEmpty()) {
            log.warn("Bench disputes: no demo organisations with mediators (fengqiao.demo-data.enabled=true?)");
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(DemoSeed.SEED + 1);
        Instant now = clock.instant();
        // two sealed values shared by every bench party: sealing 200,000 names would dominate the seeding
        ProtectedValue name = protector.protect(PersonalDataKind.NAME, "测试当事人");
        ProtectedValue phone = protector.protect(PersonalDataKind.PHONE, "13800000000");
        kpis.bulkLoad(() -> {
            List<Dispute> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < count; i++) {
                int o = random.nextInt(desks.size());
                List<MediatorRef> desk = mediatorsOf.get(o);
                batch.add(dispute(desks.get(o), desk.get(random.nextInt(desk.size())), i, random, now, name, phone));
                if (batch.size() == BATCH || i == count - 1) {
                    mongo.insertAll(batch);
                    batch = new ArrayList<>(BATCH);
                    if ((i + 1) % 20_000 == 0) {
                        log.info("Bench disputes: {} of {} written", i + 1, count);
                    }
                }
            }
        });
        log.info("Bench disputes written: {} in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    private Dispute dispute(OrganisationRef organisation, MediatorRef mediator, int index, Random random,
                            Instant now, ProtectedValue name, ProtectedValue phone) {
        Instant registered = now.minus(Duration.ofMinutes(random.nextInt(730 * 24 * 60)));
        List<Party> parties = List.of(
                new Party(UUID.randomUUID().toString(), name, phone, Party.PartyRole.APPLICANT,
                        random.nextInt(4) == 0 ? "缙云话" : null, null),
                new Party(UUID.randomUUID().toString(), name, phone, Party.PartyRole.RESPONDENT, null, null));
        Dispute dispute = Dispute.register(DisputeSource.GRID_OFFICER, BY, organisation.countyCode(), null,
                VillageCheck.notGiven(), DemoSeed.category(index), "基准测试纠纷", (long) random.nextInt(50) * 10_000,
                parties, organisation, registered);
        DisputeActor desk = new DisputeActor(mediator.subject(), Set.of("MEDIATOR"), false);
        int state = random.nextInt(20);
        if (state == 0) {
            return dispute;
        }
        if (state == 1) {
            dispute.withdraw(HEAD, "双方已自行和解", registered.plus(Duration.ofHours(5)));
            return dispute;
        }
        if (state == 2) {
            dispute.decline(HEAD, "已起诉至法院", registered.plus(Duration.ofHours(5)));
            return dispute;
        }
        dispute.accept(HEAD, organisation, registered.plus(Duration.ofHours(2)));
        if (state == 3) {
            return dispute;
        }
        dispute.assign(HEAD, mediator, 0, registered.plus(Duration.ofHours(4)));
        if (state == 4) {
            return dispute;
        }
        dispute.start(desk, registered.plus(Duration.ofDays(1)));
        if (state == 5) {
            return dispute;
        }
        Instant concluded = registered.plus(Duration.ofDays(2 + random.nextInt(25)));
        if (state <= 7) {
            dispute.fail(desk, DisputeCommands.Referral.LITIGATION, "一方坚持诉讼", concluded);
            if (state == 7) {
                dispute.close(HEAD, concluded.plus(Duration.ofDays(1)));
            }
            return dispute;
        }
        dispute.agree(desk, agreement(dispute, concluded), concluded);
        if (state == 8) {
            return dispute;
        }
        Instant visited = concluded.plus(Duration.ofDays(Dispute.FOLLOW_UP_AFTER_DAYS));
        dispute.followUp(desk, DisputeCommands.FollowUpResult.PERFORMED, "回访：已履行", false, visited);
        dispute.close(desk, visited.plus(Duration.ofHours(2)));
        return dispute;
    }

    private static DisputeCommands.AgreementDraft agreement(Dispute dispute, Instant on) {
        return new DisputeCommands.AgreementDraft("双方达成一致。", "双方各负其责。", "一方赔偿另一方损失。",
                "转账一次付清", "调解室", LocalDate.ofInstant(on, Dispute.LOCAL).plusDays(10),
                dispute.parties().stream().map(Party::partyId).toList(), true, true);
    }
}
