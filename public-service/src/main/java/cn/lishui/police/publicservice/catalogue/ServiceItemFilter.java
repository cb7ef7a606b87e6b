package cn.lishui.police.publicservice.catalogue;

/** Optional criteria of a catalogue search; {@code null} means "any". */
record ServiceItemFilter(Department department, Channel channel, Boolean online, Boolean mobile, Boolean instant,
                         Boolean zeroVisit, Boolean global, String nameContains) {
}
