package cn.lishui.police.platform.testapp;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("notes")
record Note(@Id String id, String text, Priority priority, Integer pages, Instant createdAt, @Version Long version) {

    enum Priority { LOW, HIGH }
}
