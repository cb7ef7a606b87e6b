package cn.lishui.police.grid.region;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface GridRepository extends MongoRepository<Grid, String> {

    List<Grid> findByVillageCodeOrderByCode(String villageCode);

    long countByCountyCode(String countyCode);
}
