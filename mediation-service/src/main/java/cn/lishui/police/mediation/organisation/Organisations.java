package cn.lishui.police.mediation.organisation;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The register of mediation organisations. Reads are limited to the caller's {@link OrganisationScope}:
 * an organisation outside it is answered as not found, so that its existence is not revealed.
 */
@Service
class Organisations {

    private final OrganisationRepository repository;
    private final OrganisationDirectory directory;

    Organisations(OrganisationRepository repository, OrganisationDirectory directory) {
        this.repository = repository;
        this.directory = directory;
    }

    Organisation register(NewOrganisation command) {
        try {
            return repository.insert(Organisation.register(null, command.name(), command.kind(),
                    command.countyCode(), command.townCode(), command.villageCode(), command.brandName(),
                    command.policeOfficeId(), command.headId(), command.phone(), Caller.current().subject()));
        } finally {
            directory.changed();
        }
    }

    /** Names the head of an organisation: who reviews its recusals and receives its overdue escalations. */
    Organisation appointHead(String id, String headId) {
        Organisation organisation = get(id);
        organisation.appointHead(headId);
        try {
            return repository.save(organisation);
        } finally {
            directory.changed();
        }
    }

    Organisation get(String id) {
        OrganisationScope scope = OrganisationScope.of(Caller.current());
        return repository.findById(id)
                .filter(organisation -> scope.covers(organisation.countyCode()))
                .orElseThrow(() -> DomainException.notFound("ORGANISATION_NOT_FOUND"));
    }

    /**
     * The organisations of the caller's scope, or of one county of it when {@code countyCode} is given;
     * a county outside the scope lists nothing.
     */
    Page<Organisation> list(String countyCode, Pageable pageable) {
        OrganisationScope scope = OrganisationScope.of(Caller.current());
        if (scope.everyCounty()) {
            return countyCode == null ? repository.findAll(pageable)
                    : repository.findByCountyCode(countyCode, pageable);
        }
        if (scope.countyCode() == null || (countyCode != null && !scope.covers(countyCode))) {
            return Page.empty(pageable);
        }
        return repository.findByCountyCode(scope.countyCode(), pageable);
    }
}
