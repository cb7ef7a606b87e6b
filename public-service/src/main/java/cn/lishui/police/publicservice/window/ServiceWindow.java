package cn.lishui.police.publicservice.window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service window (窗口) of a station. Its {@code code} is the station_id claim of the clerks who work at it,
 * so applications accepted there, and their ratings, carry it.
 */
@Document("windows")
class ServiceWindow {

    @Id
    private String id;
    @Indexed(unique = true)
    private String code;
    @Indexed
    private String stationId;
    private String name;
    private Set<ConvenienceMeasure> measures;
    private Set<WaitingAreaItem> waitingAreaItems;
    private Set<PhotoRoomItem> photoRoomItems;
    private List<String> itemCodes;
    private int starLevel;
    private List<Assessment> assessments;
    @Version
    private Long version;

    ServiceWindow() {
        // for the MongoDB mapping
    }

    ServiceWindow(String code, String stationId, String name, Set<ConvenienceMeasure> measures,
                  Set<WaitingAreaItem> waitingAreaItems, Set<PhotoRoomItem> photoRoomItems, List<String> itemCodes) {
        this.code = code;
        this.stationId = stationId;
        this.name = name;
        this.measures = Set.copyOf(measures);
        this.waitingAreaItems = Set.copyOf(waitingAreaItems);
        this.photoRoomItems = Set.copyOf(photoRoomItems);
        this.itemCodes = List.copyOf(itemCodes);
        this.assessments = List.of();
    }

    /** Recomputes the star level and records the assessment. */
    Assessment assess(Instant now, long ratings, Double averageRating, String reason) {
        int level = StarLevel.of(measures().size(), waitingAreaItems().size(), photoRoomItems().size(),
                averageRating);
        Assessment assessment = new Assessment(now, level, measures().size(), waitingAreaItems().size(),
                photoRoomItems().size(), ratings, averageRating, reason);
        List<Assessment> all = new ArrayList<>(assessments());
        all.add(assessment);
        this.assessments = List.copyOf(all);
        this.starLevel = level;
        return assessment;
    }

    String id() { return id; }
    String code() { return code; }
    String stationId() { return stationId; }
    String name() { return name; }
    Set<ConvenienceMeasure> measures() { return measures == null ? Set.of() : measures; }
    Set<WaitingAreaItem> waitingAreaItems() { return waitingAreaItems == null ? Set.of() : waitingAreaItems; }
    Set<PhotoRoomItem> photoRoomItems() { return photoRoomItems == null ? Set.of() : photoRoomItems; }
    List<String> itemCodes() { return itemCodes == null ? List.of() : itemCodes; }
    int starLevel() { return starLevel; }
    List<Assessment> assessments() { return assessments == null ? List.of() : assessments; }

    /** One recomputation of the star level, with what it was computed from. */
    record Assessment(Instant at, int starLevel, int measures, int waitingAreaItems, int photoRoomItems,
                      long ratings, Double averageRating, String reason) {
    }
}
