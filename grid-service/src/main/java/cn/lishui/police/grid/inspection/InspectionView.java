package cn.lishui.police.grid.inspection;

import java.time.LocalDate;
import java.util.List;

/** An inspection task as the API shows it, with the responsible officer. */
record InspectionView(String id, InspectionType type, String gridCode, String villageCode, String countyCode,
                      ResponsibleOfficer responsibleOfficer, LocalDate dueDate, List<String> checklist,
                      String reference, InspectionStatus status, Inspection.CheckIn checkIn) {

    record ResponsibleOfficer(String id, String name, String stationId) {
    }

    static InspectionView of(Inspection inspection) {
        return new InspectionView(inspection.id(), inspection.type(), inspection.gridCode(), inspection.villageCode(),
                inspection.countyCode(),
                new ResponsibleOfficer(inspection.officerId(), inspection.officerName(), inspection.stationId()),
                inspection.dueDate(), inspection.checklist(), inspection.reference(), inspection.status(),
                inspection.checkIn());
    }
}
