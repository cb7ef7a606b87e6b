package cn.lishui.police.publicservice.window;

import java.util.List;
import java.util.Set;

/** A window as the API shows it; the list shows only the latest assessment. */
record WindowView(String code, String stationId, String name, int starLevel, Set<ConvenienceMeasure> measures,
                  Set<WaitingAreaItem> waitingAreaItems, Set<PhotoRoomItem> photoRoomItems, List<String> itemCodes,
                  List<ServiceWindow.Assessment> assessments) {

    static WindowView of(ServiceWindow window, boolean history) {
        List<ServiceWindow.Assessment> all = window.assessments();
        List<ServiceWindow.Assessment> shown = history || all.isEmpty() ? all : List.of(all.get(all.size() - 1));
        return new WindowView(window.code(), window.stationId(), window.name(), window.starLevel(), window.measures(),
                window.waitingAreaItems(), window.photoRoomItems(), window.itemCodes(), shown);
    }
}
