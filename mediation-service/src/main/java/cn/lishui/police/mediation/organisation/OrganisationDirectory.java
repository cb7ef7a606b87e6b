package cn.lishui.police.mediation.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.lishui.police.platform.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Organisations as the other features see them, without the caller's directory scope: a dispute knows its
 * organisation whatever county the caller works in, and intake routes a dispute to an organisation.
 */
@Service
public class OrganisationDirectory {

    private final MongoTemplate mongo;

    OrganisationDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<OrganisationRef> find(String id) {
        return id == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(id, Organisation.class)).map(OrganisationRef::of);
    }

    /** The ids of the organisations the caller heads (index on headId; {@link OrganisationRef#headedBy(Caller)}). */
    public List<String> headedBy(Caller caller) {
        Query query = Query.query(Criteria.where("headId").is(caller.subject()));
        query.fields().include("_id");
        List<String> ids = new ArrayList<>(mongo.find(query, Organisation.class).stream().map(Organisation::id)
                .toList());
        if (caller.organisationId() != null && !ids.contains(caller.organisationId())) {
            find(caller.organisationId()).filter(o -> o.headedBy(caller)).ifPresent(o -> ids.add(o.id()));
        }
        return ids;
    }

    /**
     * The organisation a new dispute of a county goes to when its intake names none: of the county's
     * organisations, one of the preferred kind before the others, one in the dispute's town before the others.
     */
    public Optional<OrganisationRef> route(String countyCode, String townCode, OrganisationKind preferred) {
        List<Organisation> candidates = mongo.find(Query.query(Criteria.where("countyCode").is(countyCode)),
                Organisation.class);
        return candidates.stream()
                .min(Comparator.<Organisation>comparingInt(o -> o.kind() == preferred ? 0 : 1)
                        .thenComparingInt(o -> townCode != null && townCode.equals(o.townCode()) ? 0 : 1)
                        .thenComparing(Organisation::name))
                .map(OrganisationRef::of);
    }

    /** Names by id, in one query. */
    public Map<String, String> names(Collection<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id").include("name");
        Map<String, String> names = new HashMap<>();
        mongo.find(query, Organisation.class).forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    public long count(String countyCode) {
        return mongo.count(countyCode == null ? new Query()
                : Query.query(Criteria.where("countyCode").is(countyCode)), Organisation.class);
    }
}
