package cn.lishui.police.identity.user;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface UserAccountRepository extends MongoRepository<UserAccount, String> {

    Optional<UserAccount> findByUsername(String username);

    @Query("{ 'phone.blindIndex': ?0 }")
    Optional<UserAccount> findByPhoneBlindIndex(String blindIndex);

    @Query("{ 'email.blindIndex': ?0 }")
    Optional<UserAccount> findByEmailBlindIndex(String blindIndex);

    boolean existsByUsername(String username);
}
