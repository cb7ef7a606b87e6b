package cn.lishui.police.publicservice.application;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RectificationTaskRepository extends MongoRepository<RectificationTask, String> {
}
