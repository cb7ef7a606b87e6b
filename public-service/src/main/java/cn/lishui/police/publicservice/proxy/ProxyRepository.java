package cn.lishui.police.publicservice.proxy;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ProxyRepository extends MongoRepository<Proxy, String> {

    List<Proxy> findByCompatriotIdAndStationId(String compatriotId, String stationId);

    Page<Proxy> findByCompatriotId(String compatriotId, Pageable pageable);

    Page<Proxy> findByStationId(String stationId, Pageable pageable);
}
