package cn.lishui.police.mediation.mediator;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Mediators as the dispute feature needs them: by id, and the active ones of a county for matching. */
@Service
public class MediatorDirectory {

    private final MongoTemplate mongo;

    MediatorDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<MediatorRef> find(String id) {
        return id == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(id, Mediator.class)).map(Mediator::ref);
    }

    /** The active mediators of a county (index county_active). */
    public List<MediatorRef> activeIn(String countyCode) {
        return mongo.find(Query.query(Criteria.where("countyCode").is(countyCode).and("active").is(true)),
                Mediator.class).stream().map(Mediator::ref).toList();
    }

    /** The active mediators of an organisation (index organisation_name). */
    public List<MediatorRef> activeOf(String organisationId) {
        return mongo.find(Query.query(Criteria.where("organisationId").is(organisationId).and("active").is(true)),
                Mediator.class).stream().map(Mediator::ref).toList();
    }

    public long count(String countyCode) {
        Criteria active = Criteria.where("active").is(true);
        return mongo.count(Query.query(countyCode == null ? active
                : Criteria.where("countyCode").is(countyCode).and("active").is(true)), Mediator.class);
    }
}
