package cn.lishui.police.publicservice.enterprise;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface LiaisonVisitRepository extends MongoRepository<LiaisonVisit, String> {

    Page<LiaisonVisit> findByEnterpriseId(String enterpriseId, Pageable pageable);
}
