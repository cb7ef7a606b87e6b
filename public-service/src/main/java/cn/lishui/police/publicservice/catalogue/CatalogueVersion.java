package cn.lishui.police.publicservice.catalogue;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which version of the catalogue data file the store holds: the marker that makes loading idempotent. */
@Document("catalogue_versions")
record CatalogueVersion(@Id String id, String version) {

    static final String SERVICE_ITEMS = "service-items";
}
