package cn.lishui.police.publicservice.catalogue;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/** Makes the catalogue's in-memory snapshot be taken again after an item is saved or deleted in this process. */
@Component
class CatalogueChanges extends AbstractMongoEventListener<ServiceItem> {

    private final ServiceItemCatalogue catalogue;

    CatalogueChanges(ServiceItemCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<ServiceItem> event) {
        catalogue.invalidate();
    }

    @Override
    public void onAfterDelete(AfterDeleteEvent<ServiceItem> event) {
        catalogue.invalidate();
    }
}
