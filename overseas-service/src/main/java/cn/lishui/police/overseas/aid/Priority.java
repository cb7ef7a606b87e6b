package cn.lishui.police.overseas.aid;

public enum Priority { LOW, NORMAL, HIGH, URGENT }
