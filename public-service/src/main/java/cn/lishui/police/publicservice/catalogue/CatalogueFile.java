package cn.lishui.police.publicservice.catalogue;

import java.util.List;

/** The versioned catalogue data file (src/main/resources/catalogue/items-v*.json). */
record CatalogueFile(String version, List<CatalogueEntry> items) {
}
