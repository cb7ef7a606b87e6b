package cn.lishui.police.overseas.station;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface StationRepository extends MongoRepository<Station, String> {

    Page<Station> findByCountry(String country, Pageable pageable);
}
