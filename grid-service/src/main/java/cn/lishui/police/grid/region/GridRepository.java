package cn.lishui.police.grid.region;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface GridRepository extends MongoRepository<Grid, String> {

    List<Grid> findByVillageCodeOrderByCode(String villageCode);

    List<Grid> findByCountyCodeOrderByCode(String countyCode);

    long countByCountyCode(String countyCode);
}
