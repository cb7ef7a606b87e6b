package cn.lishui.police.platform.personaldata;

import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The only way to see a personal identifier in clear: the caller must hold one of the reveal roles
 * and state a purpose; the reveal is written to the owning service's audit trail before the value is
 * returned, so there is no reveal without its record.
 */
public final class PersonalDataReveals {

    /** What is revealed, for whom and why. */
    public record Request(String actor, Set<String> actorRoles, String recordType, String recordId, String purpose) {
    }

    private static final int MIN_PURPOSE_LENGTH = 4;

    private final PersonalDataProtector protector;
    private final MongoTemplate mongo;
    private final Set<String> revealRoles;
    private final Supplier<String> traceIds;
    private final Clock clock;

    public PersonalDataReveals(PersonalDataProtector protector, MongoTemplate mongo, Set<String> revealRoles,
                               Supplier<String> traceIds, Clock clock) {
        this.protector = protector;
        this.mongo = mongo;
        this.revealRoles = Set.copyOf(revealRoles);
        this.traceIds = traceIds;
        this.clock = clock;
    }

    public String reveal(ProtectedValue value, Request request) {
        if (request.actorRoles().stream().noneMatch(revealRoles::contains)) {
            throw DomainException.forbidden("PERSONAL_DATA_REVEAL_FORBIDDEN");
        }
        if (request.purpose() == null || request.purpose().strip().length() < MIN_PURPOSE_LENGTH) {
            throw DomainException.badRequest("PERSONAL_DATA_PURPOSE_REQUIRED", MIN_PURPOSE_LENGTH);
        }
        if (value == null) {
            throw DomainException.notFound("PERSONAL_DATA_NOT_FOUND");
        }
        mongo.insert(new RevealRecord(null, request.actor(), Set.copyOf(request.actorRoles()), clock.instant(),
                request.recordType(), request.recordId(), value.kind(), request.purpose().strip(), traceIds.get()));
        return protector.decrypt(value);
    }

    /** The audit trail, newest first. */
    public Page<RevealRecord> trail(Pageable pageable) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "at"));
        long total = mongo.count(query, RevealRecord.class);
        return new PageImpl<>(mongo.find(query.with(pageable), RevealRecord.class), pageable, total);
    }
}
