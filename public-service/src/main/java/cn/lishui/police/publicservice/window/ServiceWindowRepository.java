package cn.lishui.police.publicservice.window;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ServiceWindowRepository extends MongoRepository<ServiceWindow, String> {

    Optional<ServiceWindow> findByCode(String code);

    boolean existsByCode(String code);

    Page<ServiceWindow> findByStationId(String stationId, Pageable pageable);
}
