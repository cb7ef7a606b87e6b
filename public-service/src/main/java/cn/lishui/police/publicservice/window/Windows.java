package cn.lishui.police.publicservice.window;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.publicservice.catalogue.ServiceItemCatalogue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Service;

/** Service windows (1+X): opening them, their star level and its history, rating statistics. */
@Service
public class Windows {

    private static final Logger log = LoggerFactory.getLogger(Windows.class);

    private final ServiceWindowRepository windows;
    private final ServiceItemCatalogue catalogue;
    private final MongoTemplate mongo;
    private final Clock clock;

    Windows(ServiceWindowRepository windows, ServiceItemCatalogue catalogue, MongoTemplate mongo,
            ObjectProvider<Clock> clock) {
        this.windows = windows;
        this.catalogue = catalogue;
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    ServiceWindow open(WindowCommands.Open command) {
        if (windows.existsByCode(command.code())) {
            throw DomainException.conflict("WINDOW_EXISTS", command.code());
        }
        List<String> itemCodes = command.itemCodes() == null ? List.of() : command.itemCodes().stream().distinct()
                .toList();
        for (String code : itemCodes) {
            try {
                catalogue.guideOf(code);
            } catch (DomainException unknown) {
                throw DomainException.unprocessable("WINDOW_ITEM_UNKNOWN", code);
            }
        }
        ServiceWindow window = new ServiceWindow(command.code(), command.stationId(), command.name(),
                orEmpty(command.measures()), orEmpty(command.waitingAreaItems()), orEmpty(command.photoRoomItems()),
                itemCodes);
        assess(window, "OPENED");
        return windows.save(window);
    }

    Page<ServiceWindow> list(String stationId, Pageable pageable) {
        return stationId == null ? windows.findAll(pageable) : windows.findByStationId(stationId, pageable);
    }

    ServiceWindow get(String code) {
        return windows.findByCode(code).orElseThrow(() -> DomainException.notFound("WINDOW_NOT_FOUND", code));
    }

    /** Recomputes the window's star level on request (e.g. the yearly assessment). */
    ServiceWindow reassess(String code) {
        ServiceWindow window = get(code);
        assess(window, "ASSESSED");
        return windows.save(window);
    }

    /**
     * A rating of an application accepted at the window with this code changes its average: the star level is
     * recomputed. A window that does not exist (a clerk's station without a window record) is left alone; a
     * concurrent recomputation wins and already saw this rating or the next one will.
     */
    public void ratingRecorded(String windowCode) {
        if (windowCode == null) {
            return;
        }
        windows.findByCode(windowCode).ifPresent(window -> {
            assess(window, "RATED");
            try {
                windows.save(window);
            } catch (OptimisticLockingFailureException concurrent) {
                log.debug("window {} was reassessed concurrently", windowCode);
            }
        });
    }

    private void assess(ServiceWindow window, String reason) {
        RatingStats stats = ratingsByWindow().getOrDefault(window.code(), RatingStats.NONE);
        Instant now = clock.instant();
        window.assess(now, stats.ratings(), stats.averageRating(), reason);
    }

    /** Rating statistics per window code (the stationId recorded on each rating). */
    Map<String, RatingStats> ratingsByWindow() {
        Aggregation byWindowAndStars = Aggregation.newAggregation(
                Aggregation.group("stationId", "stars").count().as("count"));
        Map<String, long[]> starCounts = new TreeMap<>();
        for (Document row : mongo.aggregate(byWindowAndStars, "ratings", Document.class).getMappedResults()) {
            Object id = row.get("_id");
            String window = id instanceof Document key ? key.getString("stationId") : row.getString("stationId");
            Object stars = id instanceof Document key ? key.get("stars") : row.get("stars");
            if (window == null || !(stars instanceof Number n) || n.intValue() < 1 || n.intValue() > 5) {
                continue;
            }
            starCounts.computeIfAbsent(window, w -> new long[6])[n.intValue()] +=
                    ((Number) row.get("count")).longValue();
        }
        Map<String, RatingStats> stats = new LinkedHashMap<>();
        starCounts.forEach((window, counts) -> stats.put(window, RatingStats.of(counts)));
        return stats;
    }

    /** Rating statistics per station: the ratings of all its windows together. */
    Map<String, RatingStats> ratingsByStation() {
        Map<String, String> stationOfWindow = new LinkedHashMap<>();
        windows.findAll().forEach(window -> stationOfWindow.put(window.code(), window.stationId()));
        Map<String, long[]> starCounts = new TreeMap<>();
        ratingsByWindow().forEach((window, stats) -> {
            String station = stationOfWindow.get(window);
            if (station != null) {
                long[] counts = starCounts.computeIfAbsent(station, s -> new long[6]);
                for (int star = 1; star <= 5; star++) {
                    counts[star] += stats.byStars().get(star);
                }
            }
        });
        Map<String, RatingStats> stats = new LinkedHashMap<>();
        starCounts.forEach((station, counts) -> stats.put(station, RatingStats.of(counts)));
        return stats;
    }

    private static <T> Set<T> orEmpty(Collection<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    /** Ratings of a window or station: count, average, satisfaction (4–5 stars) and bad (1–2 stars) ones. */
    record RatingStats(long ratings, Double averageRating, Double satisfactionRate, long badRatings,
                       Map<Integer, Long> byStars) {

        static final RatingStats NONE = of(new long[6]);

        static RatingStats of(long[] counts) {
            long ratings = 0;
            long stars = 0;
            Map<Integer, Long> byStars = new TreeMap<>(Comparator.naturalOrder());
            for (int star = 1; star <= 5; star++) {
                ratings += counts[star];
                stars += star * counts[star];
                byStars.put(star, counts[star]);
            }
            long satisfied = counts[4] + counts[5];
            return new RatingStats(ratings, ratings == 0 ? null : (double) stars / ratings,
                    ratings == 0 ? null : (double) satisfied / ratings, counts[1] + counts[2], byStars);
        }
    }
}
