package cn.lishui.police.publicservice.application;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ApplicationRepository extends MongoRepository<Application, String> {

    Page<Application> findByApplicantId(String applicantId, Pageable pageable);
}
