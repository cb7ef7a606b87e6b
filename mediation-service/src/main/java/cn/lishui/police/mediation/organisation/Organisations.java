package cn.lishui.police.mediation.organisation;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** The register of mediation organisations. */
@Service
class Organisations {

    private final OrganisationRepository repository;

    Organisations(OrganisationRepository repository) {
        this.repository = repository;
    }

    Organisation register(NewOrganisation command) {
        return repository.insert(Organisation.register(command.name(), command.kind(), command.countyCode(),
                command.villageCode(), command.phone()));
    }

    Organisation get(String id) {
        return repository.findById(id).orElseThrow(() -> DomainException.notFound("ORGANISATION_NOT_FOUND"));
    }

    /** All organisations, or those of one county when {@code countyCode} is given. */
    Page<Organisation> list(String countyCode, Pageable pageable) {
        return countyCode == null ? repository.findAll(pageable) : repository.findByCountyCode(countyCode, pageable);
    }
}
