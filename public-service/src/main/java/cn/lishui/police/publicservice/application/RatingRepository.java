package cn.lishui.police.publicservice.application;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RatingRepository extends MongoRepository<Rating, String> {

    boolean existsByApplicationId(String applicationId);
}
