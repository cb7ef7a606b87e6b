package cn.lishui.police.publicservice.catalogue;

import java.time.Instant;

/** A service item as the API shows it. */
record ServiceItemView(String code, String name, Department department,
                       boolean online, boolean mobile, boolean instant, boolean zeroVisit, boolean global,
                       int visitCount, int statutoryTimeLimitDays, Instant createdAt, Instant updatedAt) {

    static ServiceItemView of(ServiceItem item) {
        CatalogueEntry entry = item.toEntry();
        return new ServiceItemView(entry.code(), entry.name(), entry.department(), entry.online(), entry.mobile(),
                entry.instant(), entry.zeroVisit(), entry.global(), entry.visitCount(),
                entry.statutoryTimeLimitDays(), item.createdAt(), item.updatedAt());
    }
}
