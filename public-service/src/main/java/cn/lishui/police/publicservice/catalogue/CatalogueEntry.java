package cn.lishui.police.publicservice.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * What the catalogue says about one service item (政务服务事项), the fields of its service guide (办事指南):
 * what the data file or, later, an administrator sets. The server adds identity, audit fields and the version.
 */
public record CatalogueEntry(String code, String name, String nameEn, Department department, String legalBasis,
                             List<String> conditions, List<Material> materials, int feeYuan,
                             int statutoryLimitDays, int promisedLimitDays, List<Channel> channels,
                             boolean online, boolean mobile, boolean instant, boolean zeroVisit, boolean global,
                             int maxVisits, List<FormAttribute> form) {

    public CatalogueEntry {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(department, "department");
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        materials = materials == null ? List.of() : List.copyOf(materials);
        channels = channels == null ? List.of() : List.copyOf(channels);
        form = form == null ? List.of() : List.copyOf(form);
        if (maxVisits < 0 || maxVisits > 1) {
            throw new IllegalArgumentException("at most one visit: maxVisits must be 0 or 1, was " + maxVisits);
        }
        if (zeroVisit != (maxVisits == 0)) {
            throw new IllegalArgumentException("zeroVisit must hold exactly when maxVisits is 0 (" + code + ")");
        }
        if (statutoryLimitDays < 0 || promisedLimitDays < 0 || promisedLimitDays > statutoryLimitDays) {
            throw new IllegalArgumentException("the promised limit is within the statutory one (" + code + ")");
        }
        if (feeYuan < 0) {
            throw new IllegalArgumentException("fee must not be negative (" + code + ")");
        }
        if (global && !channels.contains(Channel.OVERSEAS_STATION)) {
            throw new IllegalArgumentException("a global item is offered at overseas stations (" + code + ")");
        }
    }

    /** Every item handled online and on a phone, as the Lishui catalogue is (网上办, 掌上办 100 %). */
    static CatalogueEntry simple(String code, String name, Department department, boolean instant, boolean global,
                                 int maxVisits, int statutoryLimitDays) {
        List<Channel> channels = global
                ? List.of(Channel.WINDOW, Channel.ONLINE, Channel.MOBILE, Channel.OVERSEAS_STATION)
                : List.of(Channel.WINDOW, Channel.ONLINE, Channel.MOBILE);
        return new CatalogueEntry(code, name, name, department, "", List.of(), List.of(), 0, statutoryLimitDays,
                instant ? 0 : statutoryLimitDays, channels, true, true, instant, maxVisits == 0, global, maxVisits,
                List.of());
    }
}
