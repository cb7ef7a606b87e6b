package cn.lishui.police.grid.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A routine inspection task (基础排查) in one grid, assigned to the grid's officer when created.
 *
 * @param reference an optional reference of the creating service (e.g. an overseas-service family id)
 */
@Document("inspections")
record Inspection(@Id String id, InspectionType type, String gridCode, String villageCode, @Indexed String countyCode,
                  String officerId, String officerName, String stationId, LocalDate dueDate, List<String> checklist,
                  String reference, InspectionStatus status, String createdBy, Instant createdAt, CheckIn checkIn,
                  @Version Long version) {

    /** The officer's check-in: result, notes, and where it was made, if the device knew. */
    record CheckIn(CheckInResult result, String notes, Double lat, Double lng, String by, Instant at) {
    }

    Inspection checkedIn(CheckIn checkIn) {
        return new Inspection(id, type, gridCode, villageCode, countyCode, officerId, officerName, stationId, dueDate,
                checklist, reference, InspectionStatus.CHECKED_IN, createdBy, createdAt, checkIn, version);
    }
}
