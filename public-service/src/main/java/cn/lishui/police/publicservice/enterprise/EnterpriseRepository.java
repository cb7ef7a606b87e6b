package cn.lishui.police.publicservice.enterprise;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface EnterpriseRepository extends MongoRepository<Enterprise, String> {

    boolean existsByCreditCode(String creditCode);

    long countByStationId(String stationId);

    Page<Enterprise> findByStationId(String stationId, Pageable pageable);
}
