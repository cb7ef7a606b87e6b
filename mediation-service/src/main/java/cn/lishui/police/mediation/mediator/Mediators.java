package cn.lishui.police.mediation.mediator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.mediation.dispute.Caseloads;
import cn.lishui.police.mediation.dispute.DisputeCategory;
import cn.lishui.police.mediation.organisation.OrganisationDirectory;
import cn.lishui.police.mediation.organisation.OrganisationRef;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.security.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The register of mediators: ADMIN or the organisation's head registers them; everyone signed in reads it. */
@Service
class Mediators {

    private final MongoTemplate mongo;
    private final OrganisationDirectory organisations;
    private final Caseloads caseloads;
    private final PersonalDataProtector protector;
    private final MediatorDirectory directory;

    Mediators(MongoTemplate mongo, OrganisationDirectory organisations, Caseloads caseloads,
              PersonalDataProtector protector, MediatorDirectory directory) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.caseloads = caseloads;
        this.protector = protector;
        this.directory = directory;
    }

    Mediator register(Caller caller, NewMediator command) {
        OrganisationRef organisation = organisations.find(command.organisationId())
                .orElseThrow(() -> DomainException.unprocessable("UNKNOWN_ORGANISATION", command.organisationId()));
        if (!caller.hasRole("ADMIN") && !organisation.headedBy(caller)) {
            throw DomainException.forbidden("NOT_HEAD_OF_ORGANISATION", organisation.id());
        }
        List<String> area = command.areaCodes() == null || command.areaCodes().isEmpty()
                ? List.of(organisation.townCode() != null ? organisation.townCode() : organisation.countyCode())
                : command.areaCodes().stream().distinct().toList();
        for (String code : area) {
            if (!code.startsWith(organisation.countyCode())) {
                throw DomainException.unprocessable("AREA_OUTSIDE_COUNTY", code, organisation.countyCode());
            }
        }
        Mediator mediator = new Mediator(UUID.randomUUID().toString(),
                command.subject() == null || command.subject().isBlank() ? null : command.subject().strip(),
                command.name().strip(),
                command.phone() == null ? null : protector.protect(PersonalDataKind.PHONE, command.phone()),
                organisation.id(), organisation.countyCode(), organisation.townCode(),
                command.specialties().stream().distinct().toList(),
                command.dialects() == null ? List.of() : command.dialects(), area, command.capacity(),
                caller.subject());
        try {
            return mongo.insert(mediator);
        } catch (DuplicateKeyException taken) {
            throw DomainException.conflict("MEDIATOR_ACCOUNT_TAKEN", command.subject());
        } finally {
            directory.changed();
        }
    }

    Mediator get(String id) {
        Mediator mediator = mongo.findById(id, Mediator.class);
        if (mediator == null) {
            throw DomainException.notFound("MEDIATOR_NOT_FOUND", id);
        }
        return mediator;
    }

    long caseload(Mediator mediator) {
        return caseloads.of(mediator.id());
    }

    Map<String, Long> caseloads(List<Mediator> mediators) {
        return caseloads.of(mediators.stream().map(Mediator::id).toList());
    }

    Page<Mediator> list(String organisationId, String countyCode, DisputeCategory specialty, String dialect,
                        Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        if (organisationId != null) {
            all.add(Criteria.where("organisationId").is(organisationId));
        }
        if (countyCode != null) {
            all.add(Criteria.where("countyCode").is(countyCode));
        }
        if (specialty != null) {
            all.add(Criteria.where("specialties").is(specialty));
        }
        if (dialect != null && !dialect.isBlank()) {
            all.add(Criteria.where("dialects").is(dialect.strip()));
        }
        Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
        return MongoPages.find(mongo, query, pageable, Sort.by("name", "id"), Mediator.class);
    }

    Mediator deactivate(Caller caller, String id) {
        Mediator mediator = get(id);
        boolean head = organisations.find(mediator.organisationId()).map(o -> o.headedBy(caller)).orElse(false);
        if (!caller.hasRole("ADMIN") && !head) {
            throw DomainException.forbidden("NOT_HEAD_OF_ORGANISATION", mediator.organisationId());
        }
        mediator.deactivate();
        try {
            return mongo.save(mediator);
        } finally {
            directory.changed();
        }
    }
}
