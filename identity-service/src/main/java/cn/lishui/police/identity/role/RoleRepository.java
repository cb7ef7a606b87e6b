package cn.lishui.police.identity.role;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RoleRepository extends MongoRepository<Role, String> {
}
