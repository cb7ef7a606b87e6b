package cn.lishui.police.mediation.dispute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

import cn.lishui.police.mediation.mediator.MediatorDirectory;
import cn.lishui.police.mediation.mediator.MediatorRef;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Ranks the mediators who could take a dispute (those of its organisation, or of its county while it has none)
 * by four explained factors: the parties' dialects they speak (35), the dispute's category among their
 * specialties (30), the area they serve (village or town 20, county 10) and room left in their caseload (15).
 * Mediators at capacity come last, marked unavailable. The candidates come from the mediator directory's
 * snapshot and their caseloads from the KPI counters, both in memory; every candidate is scored in points and
 * only the returned ones get their reasons written out.
 */
@Service
class MediatorSuggestions {

    static final int DIALECT = 35;
    static final int SPECIALTY = 30;
    static final int AREA = 20;
    static final int SAME_COUNTY = 10;
    static final int LOAD = 15;

    /** One factor of a score, with the points it gave out of its maximum and why, in the caller's language. */
    record Factor(String factor, int points, int max, String reason) {
    }

    record Suggestion(String mediatorId, String name, String organisationId, int score, boolean available,
                      long caseload, int capacity, List<Factor> factors) {
    }

    record Suggestions(String disputeId, String scope, int candidates, List<Suggestion> suggestions) {
    }

    private final MediatorDirectory mediators;
    private final Caseloads caseloads;
    private final MessageSource messages;

    MediatorSuggestions(MediatorDirectory mediators, Caseloads caseloads, MessageSource messages) {
        this.mediators = mediators;
        this.caseloads = caseloads;
        this.messages = messages;
    }

    Suggestions suggest(Dispute dispute, int limit) {
        boolean organisation = dispute.organisationId() != null;
        List<MediatorRef> candidates = organisation ? mediators.activeOf(dispute.organisationId())
                : mediators.activeIn(dispute.countyCode());
        Map<String, Long> loads = caseloads.of(candidates.stream().map(MediatorRef::id).toList());
        return new Suggestions(dispute.id(), organisation ? "ORGANISATION" : "COUNTY", candidates.size(),
                rank(dispute, candidates, loads, limit, LocaleContextHolder.getLocale()));
    }

    /**
     * The best {@code limit} of the candidates, with their explained scores: every candidate is scored in points
     * only, and the reasons (messages in the caller's language) are written for the ones returned.
     */
    List<Suggestion> rank(Dispute dispute, List<MediatorRef> candidates, Map<String, Long> loads, int limit,
                          Locale locale) {
        Set<String> partyDialects = partyDialects(dispute);
        // the best `limit` kept while scoring (the worst of them on top of the heap), instead of sorting every
        // candidate: the same order as a stable sort of all of them, whose ties keep the candidates' order
        PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, WORST_FIRST);
        int index = 0;
        for (MediatorRef mediator : candidates) {
            long caseload = loads.getOrDefault(mediator.id(), 0L);
            best.add(new Scored(mediator, caseload, points(dispute, mediator, caseload, partyDialects), index++));
            if (best.size() > limit) {
                best.poll();
            }
        }
        List<Scored> top = new ArrayList<>(best);
        top.sort(BEST_FIRST);
        List<Suggestion> suggestions = new ArrayList<>(top.size());
        for (Scored scored : top) {
            suggestions.add(score(dispute, scored.mediator(), scored.caseload(), partyDialects, locale));
        }
        return suggestions;
    }

    /** Available before unavailable, then more points, a lighter caseload, the name, the candidates' order. */
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingInt(Scored::rank)
            .thenComparingLong(Scored::caseload)
            .thenComparing((Scored s) -> s.mediator().name())
            .thenComparingInt(Scored::index);
    private static final Comparator<Scored> WORST_FIRST = BEST_FIRST.reversed();

    private record Points(int dialect, int specialty, int area, int load, boolean available) {
        int total() {
            return dialect + specialty + area + load;
        }
    }

    private record Scored(MediatorRef mediator, long caseload, Points points, int index) {

        /** Lower is better: the available ones first, then by points, highest first. */
        int rank() {
            return (points.available() ? 0 : 1_000) - points.total();
        }
    }

    static Set<String> partyDialects(Dispute dispute) {
        Set<String> partyDialects = new LinkedHashSet<>();
        dispute.parties().stream().map(Party::dialect).filter(Objects::nonNull).forEach(partyDialects::add);
        return partyDialects;
    }

    /** The points of each factor; {@link #score} explains them. */
    private static Points points(Dispute dispute, MediatorRef mediator, long caseload, Set<String> partyDialects) {
        int dialect = 0;
        if (!partyDialects.isEmpty()) {
            int spoken = 0;
            for (String d : partyDialects) {
                if (mediator.dialects().contains(d)) {
                    spoken++;
                }
            }
            dialect = Math.round((float) DIALECT * spoken / partyDialects.size());
        }
        int specialty = mediator.specialties().contains(dispute.category()) ? SPECIALTY : 0;
        String village = dispute.villageCode();
        String town = dispute.townCode();
        int area = village != null && mediator.areaCodes().contains(village) ? AREA
                : town != null && (mediator.areaCodes().contains(town) || town.equals(mediator.townCode())) ? AREA
                : dispute.countyCode().equals(mediator.countyCode()) ? SAME_COUNTY : 0;
        boolean available = caseload < mediator.capacity();
        int load = available ? (int) Math.round(LOAD * (1.0 - (double) caseload / mediator.capacity())) : 0;
        return new Points(dialect, specialty, area, load, available);
    }

    Suggestion score(Dispute dispute, MediatorRef mediator, long caseload, Set<String> partyDialects, Locale locale) {
        Points points = points(dispute, mediator, caseload, partyDialects);
        List<Factor> factors = new ArrayList<>();
        // dialect: the share of the parties' dialects the mediator speaks
        if (partyDialects.isEmpty()) {
            factors.add(new Factor("DIALECT", 0, DIALECT, message("suggestion.dialect.unknown", locale)));
        } else {
            List<String> spoken = partyDialects.stream().filter(mediator.dialects()::contains).toList();
            factors.add(new Factor("DIALECT", points.dialect(), DIALECT, spoken.isEmpty()
                    ? message("suggestion.dialect.none", locale, String.join("、", partyDialects))
                    : message("suggestion.dialect.match", locale, String.join("、", spoken))));
        }
        boolean specialist = points.specialty() > 0;
        factors.add(new Factor("SPECIALTY", points.specialty(), SPECIALTY, message(specialist
                ? "suggestion.specialty.match" : "suggestion.specialty.none", locale,
                message("category." + dispute.category().name(), locale))));
        factors.add(area(dispute, mediator, locale));
        boolean available = points.available();
        factors.add(new Factor("LOAD", points.load(), LOAD, message(available ? "suggestion.load"
                : "suggestion.load.full", locale, caseload, mediator.capacity())));
        return new Suggestion(mediator.id(), mediator.name(), mediator.organisationId(), points.total(), available,
                caseload, mediator.capacity(), List.copyOf(factors));
    }

    private Factor area(Dispute dispute, MediatorRef mediator, Locale locale) {
        String village = dispute.villageCode();
        String town = dispute.townCode();
        if (village != null && mediator.areaCodes().contains(village)) {
            return new Factor("AREA", AREA, AREA, message("suggestion.area.village", locale));
        }
        if (town != null && (mediator.areaCodes().contains(town) || town.equals(mediator.townCode()))) {
            return new Factor("AREA", AREA, AREA, message("suggestion.area.town", locale));
        }
        if (dispute.countyCode().equals(mediator.countyCode())) {
            return new Factor("AREA", SAME_COUNTY, AREA, message("suggestion.area.county", locale));
        }
        return new Factor("AREA", 0, AREA, message("suggestion.area.none", locale));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
