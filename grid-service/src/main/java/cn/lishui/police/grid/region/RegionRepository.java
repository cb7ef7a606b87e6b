package cn.lishui.police.grid.region;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RegionRepository extends MongoRepository<Region, String> {

    List<Region> findByLevelOrderByCode(RegionLevel level);

    List<Region> findByParentCodeOrderByCode(String parentCode);
}
