package cn.lishui.police.overseas.station;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface StationRepository extends MongoRepository<Station, String> {

    Page<Station> findByCountry(String country, Pageable pageable);

    Page<Station> findByActive(boolean active, Pageable pageable);

    Page<Station> findByCountryAndActive(String country, boolean active, Pageable pageable);
}
