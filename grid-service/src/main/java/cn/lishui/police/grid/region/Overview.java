package cn.lishui.police.grid.region;

import java.util.List;

/** Counts of the map and its officers, in total and (for the map) per county. */
record Overview(long counties, long towns, long villages, long grids, Officers officers, long villagesWithTwoChiefs,
                long gridsCovered, List<County> perCounty) {

    record Officers(long police, long auxiliary) {
    }

    record County(String code, String name, long towns, long villages, long grids) {
    }
}
