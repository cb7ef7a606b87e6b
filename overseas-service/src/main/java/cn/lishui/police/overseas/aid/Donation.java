package cn.lishui.police.overseas.aid;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A donation (捐赠) received into the home-side inventory. */
@Document("donations")
record Donation(@Id String id, String donor, AidCommands.DonorKind donorKind, List<ItemLine> items, String note,
                String recordedBy, @Indexed Instant receivedAt) {
}
