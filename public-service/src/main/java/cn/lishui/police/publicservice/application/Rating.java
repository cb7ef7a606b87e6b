package cn.lishui.police.publicservice.application;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The applicant's rating (好差评) of a finished application: 1 to 5 stars, once per application. */
@Document("ratings")
record Rating(@Id String id, @Indexed(unique = true) String applicationId, String applicantId, String itemCode,
              String stationId, int stars, String comment, String rectificationTaskId,
              @CreatedDate Instant ratedAt) {

    /** A rating of 1 or 2 stars is a bad one (差评): it opens a rectification task. */
    boolean bad() {
        return stars <= 2;
    }
}
