package cn.lishui.police.grid.region;

/** A grid code: the 12-digit village code followed by a 3-digit grid number. */
final class GridCode {

    static final String FORMAT = "\\d{15}";

    private GridCode() {
    }
}
