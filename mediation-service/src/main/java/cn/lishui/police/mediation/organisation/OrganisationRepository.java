package cn.lishui.police.mediation.organisation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface OrganisationRepository extends MongoRepository<Organisation, String> {

    Page<Organisation> findByCountyCode(String countyCode, Pageable pageable);
}
