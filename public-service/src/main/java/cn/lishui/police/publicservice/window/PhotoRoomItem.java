package cn.lishui.police.publicservice.window;

/** The 6 items of the photo and collection room (照相采集室) of the "1+X" window standard. */
public enum PhotoRoomItem {
    CAMERA, BACKDROP, LIGHTING, MIRROR, COMB, FINGERPRINT_READER
}
