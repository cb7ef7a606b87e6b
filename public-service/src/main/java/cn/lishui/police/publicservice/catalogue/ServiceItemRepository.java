package cn.lishui.police.publicservice.catalogue;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ServiceItemRepository extends MongoRepository<ServiceItem, String> {

    Optional<ServiceItem> findByCode(String code);
}
