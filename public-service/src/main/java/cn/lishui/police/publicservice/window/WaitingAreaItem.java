package cn.lishui.police.publicservice.window;

/** The 16 items of the waiting area (等候区) of the "1+X" window standard. */
public enum WaitingAreaItem {
    DRINKING_WATER, READING_GLASSES, FIRST_AID_KIT, UMBRELLAS, PHONE_CHARGING, WRITING_DESK, STATIONERY,
    SAMPLE_FORMS, WHEELCHAIR, NURSING_ROOM, SEATING, WIFI, QUEUE_DISPLAY, SERVICE_GUIDE_BOARD, SUGGESTION_BOX,
    RATING_DEVICE
}
