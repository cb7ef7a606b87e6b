package cn.lishui.police.publicservice.catalogue;

import java.time.Instant;
import java.util.List;

/** A service item as the API shows it: its service guide (办事指南) and its application form. */
record ServiceItemView(String code, String name, String nameEn, Department department, String legalBasis,
                       List<String> conditions, List<Material> materials, int feeYuan, int statutoryLimitDays,
                       int promisedLimitDays, List<Channel> channels, boolean online, boolean mobile,
                       boolean instant, boolean zeroVisit, boolean global, int maxVisits, List<FormAttribute> form,
                       Instant createdAt, Instant updatedAt) {

    static ServiceItemView of(ServiceItem item) {
        CatalogueEntry e = item.toEntry();
        return new ServiceItemView(e.code(), e.name(), e.nameEn(), e.department(), e.legalBasis(), e.conditions(),
                e.materials(), e.feeYuan(), e.statutoryLimitDays(), e.promisedLimitDays(), e.channels(), e.online(),
                e.mobile(), e.instant(), e.zeroVisit(), e.global(), e.maxVisits(), e.form(), item.createdAt(),
                item.updatedAt());
    }
}
