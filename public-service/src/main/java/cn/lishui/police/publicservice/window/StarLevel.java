package cn.lishui.police.publicservice.window;

/**
 * The star level (星级, 1–5) of a window.
 *
 * <p>Facilities score {@code f = 0.5·m/11 + 0.3·w/16 + 0.2·p/6} (m convenience measures, w waiting-area items,
 * p photo-room items provided), in [0, 1]; facility stars {@code 1 + 4·f}. Without ratings the level is the
 * facility stars rounded half up; with ratings it is {@code round(0.5·facility stars + 0.5·average rating)}.
 * Always clamped to 1–5.
 */
final class StarLevel {

    private StarLevel() {
    }

    static double facilityScore(int measures, int waitingAreaItems, int photoRoomItems) {
        return 0.5 * measures / ConvenienceMeasure.values().length
                + 0.3 * waitingAreaItems / WaitingAreaItem.values().length
                + 0.2 * photoRoomItems / PhotoRoomItem.values().length;
    }

    static int of(int measures, int waitingAreaItems, int photoRoomItems, Double averageRating) {
        double facilityStars = 1 + 4 * facilityScore(measures, waitingAreaItems, photoRoomItems);
        double stars = averageRating == null ? facilityStars : 0.5 * facilityStars + 0.5 * averageRating;
        return (int) Math.max(1, Math.min(5, Math.floor(stars + 0.5)));
    }
}
