package cn.lishui.police.publicservice.catalogue;

import java.util.Objects;

/**
 * What the catalogue says about one service item (政务服务事项): the fields a seed or, later, an
 * administrator sets. The server adds identity, audit fields and the version.
 */
record CatalogueEntry(String code, String name, Department department,
                      boolean online, boolean mobile, boolean instant, boolean zeroVisit, boolean global,
                      int visitCount, int statutoryTimeLimitDays) {

    CatalogueEntry {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(department, "department");
        if (visitCount < 0 || visitCount > 1) {
            throw new IllegalArgumentException("at most one visit: visitCount must be 0 or 1, was " + visitCount);
        }
        if (zeroVisit != (visitCount == 0)) {
            throw new IllegalArgumentException("zeroVisit must hold exactly when visitCount is 0 (" + code + ")");
        }
        if (statutoryTimeLimitDays < 0) {
            throw new IllegalArgumentException("statutoryTimeLimitDays must not be negative (" + code + ")");
        }
    }
}
