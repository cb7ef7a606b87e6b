package cn.lishui.police.publicservice.catalogue;

/** Optional criteria of a catalogue search; {@code null} means "any". */
record ServiceItemFilter(Department department, Boolean global, String nameContains) {
}
