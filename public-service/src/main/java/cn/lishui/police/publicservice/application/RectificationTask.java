package cn.lishui.police.publicservice.application;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What a bad rating opens (差评整改): due in 15 working days, with a call-back to the applicant. */
@Document("rectification_tasks")
record RectificationTask(@Id String id, String applicationId, String itemCode, String stationId, int stars,
                         String comment, String status, Instant dueAt, @CreatedDate Instant openedAt) {

    static final int WORKING_DAYS = 15;
    static final String OPEN = "OPEN";
}
