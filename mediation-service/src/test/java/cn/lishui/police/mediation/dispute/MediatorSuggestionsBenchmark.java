package cn.lishui.police.mediation.dispute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import cn.lishui.police.mediation.mediator.MediatorRef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Ranking 1,000 mediators for one dispute, as {@code GET /api/mediation/disputes/{id}/mediator-suggestions}
 * does once it has them and their caseloads (both in memory): each scored on dialect, specialty, area and load,
 * sorted, and the best ten explained in the caller's language. The API target is 50 ms p99 through the gateway.
 * Run with {@code bench/jmh.sh mediation-service MediatorSuggestionsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MediatorSuggestionsBenchmark {

    private static final String[] DIALECTS = {"缙云话", "青田话", "温州话", "丽水话", "普通话", "畲语", "客家话"};

    private MediatorSuggestions suggestions;
    private Dispute dispute;
    private List<MediatorRef> mediators;
    private Map<String, Long> caseloads;

    @Setup
    public void thousandMediators() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        suggestions = new MediatorSuggestions(null, null, messages);
        dispute = Dispute.register(DisputeSource.CITIZEN, "citizen-1", "331122", "331122101201",
                VillageCheck.notGiven(), DisputeCategory.values()[0], "邻里宅基地纠纷", 20_000L, List.of(
                        new Party("p1", null, null, Party.PartyRole.APPLICANT, "缙云话", null),
                        new Party("p2", null, null, Party.PartyRole.RESPONDENT, "青田话", null)), null,
                Instant.parse("2026-11-29T01:00:00Z"));
        Random random = new Random(7);
        DisputeCategory[] categories = DisputeCategory.values();
        mediators = new ArrayList<>();
        caseloads = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            String county = i % 3 == 0 ? "331122" : "331121";
            mediators.add(new MediatorRef("m-" + i, "sub-" + i, "调解员" + i, "org-" + (i % 65), county,
                    county + "101000", List.of(categories[random.nextInt(categories.length)],
                    categories[random.nextInt(categories.length)]),
                    List.of(DIALECTS[random.nextInt(DIALECTS.length)], DIALECTS[random.nextInt(DIALECTS.length)]),
                    List.of(county + "101" + String.format("%03d", 200 + random.nextInt(30))), 5 + random.nextInt(10),
                    true));
            caseloads.put("m-" + i, (long) random.nextInt(12));
        }
    }

    @Benchmark
    public List<MediatorSuggestions.Suggestion> rankThousandMediators() {
        return suggestions.rank(dispute, mediators, caseloads, 10, Locale.SIMPLIFIED_CHINESE);
    }

    /** The former way, for comparison: every candidate scored with its reasons written, then sorted. */
    @Benchmark
    public List<MediatorSuggestions.Suggestion> explainAllThenRank() {
        Set<String> partyDialects = MediatorSuggestions.partyDialects(dispute);
        List<MediatorSuggestions.Suggestion> ranked = new ArrayList<>(mediators.size());
        for (MediatorRef mediator : mediators) {
            ranked.add(suggestions.score(dispute, mediator, caseloads.getOrDefault(mediator.id(), 0L), partyDialects,
                    Locale.SIMPLIFIED_CHINESE));
        }
        ranked.sort(Comparator.comparing(MediatorSuggestions.Suggestion::available).reversed()
                .thenComparing(Comparator.comparingInt(MediatorSuggestions.Suggestion::score).reversed())
                .thenComparingLong(MediatorSuggestions.Suggestion::caseload)
                .thenComparing(MediatorSuggestions.Suggestion::name));
        return ranked.subList(0, 10);
    }
}
