package cn.lishui.police.platform.personaldata;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One reveal of a personal identifier: who, when, which record and field, and why. Never the value. */
@Document(RevealRecord.COLLECTION)
public record RevealRecord(@Id String id, String actor, Set<String> actorRoles, Instant at, String recordType,
                           String recordId, PersonalDataKind kind, String purpose, String traceId) {

    static final String COLLECTION = "personal_data_reveals";
}
