package cn.lishui.police.platform.testapp;

import org.springframework.data.mongodb.repository.MongoRepository;

interface NoteRepository extends MongoRepository<Note, String> {
}
