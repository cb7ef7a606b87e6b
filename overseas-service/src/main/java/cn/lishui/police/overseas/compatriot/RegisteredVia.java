package cn.lishui.police.overseas.compatriot;

/** Who registered the compatriot: they themself, or the staff of a station. */
public enum RegisteredVia { SELF, STATION }
