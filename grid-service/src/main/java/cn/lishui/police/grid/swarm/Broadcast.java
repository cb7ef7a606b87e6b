package cn.lishui.police.grid.swarm;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An alert broadcast to one or more liaison groups, with the acknowledgements of their members (each
 * member once: the acknowledgement is added atomically only if the member has none yet).
 *
 * @param recipients the members of the groups when the alert was sent
 */
@Document("liaison_broadcasts")
record Broadcast(@Id String id, List<String> groupIds, @Indexed String countyCode, String text, String incidentId,
                 String sentBy, @Indexed Instant sentAt, long recipients, List<Ack> acks) {

    record Ack(String memberId, Instant at, String recordedBy) {
    }
}
