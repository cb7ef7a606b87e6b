package cn.lishui.police.publicservice.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the catalogue data file into the store at start. Items are upserted by code and the file's version
 * is recorded: a start that finds the same version already loaded writes nothing, a new file version
 * brings every item in line with it.
 */
@Component
class CatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);

    private final ServiceItemRepository items;
    private final MongoTemplate mongo;
    private final CatalogueFile file;

    CatalogueLoader(ServiceItemRepository items, MongoTemplate mongo, JsonMapper json,
                    @Value("${fengqiao.public.catalogue-file:classpath:catalogue/items-v1.json}") Resource resource) {
        this.items = items;
        this.mongo = mongo;
        try (InputStream in = resource.getInputStream()) {
            this.file = json.readValue(in, CatalogueFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue data file " + resource, e);
        }
    }

    CatalogueFile file() {
        return file;
    }

    /** The catalogue version the store holds, or the file's when nothing is recorded yet. */
    String loadedVersion() {
        CatalogueVersion marker = mongo.findById(CatalogueVersion.SERVICE_ITEMS, CatalogueVersion.class);
        return marker == null ? file.version() : marker.version();
    }

    @Override
    public void run(ApplicationArguments args) {
        CatalogueVersion marker = mongo.findById(CatalogueVersion.SERVICE_ITEMS, CatalogueVersion.class);
        if (marker != null && marker.version().equals(file.version())) {
            log.info("Catalogue version {} already loaded", file.version());
            return;
        }
        int written = 0;
        for (CatalogueEntry entry : file.items()) {
            try {
                if (upsert(entry)) {
                    written++;
                }
            } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
                // another instance loading the same store at the same moment has written this item
                log.info("Catalogue item {} was loaded concurrently", entry.code());
            }
        }
        mongo.save(new CatalogueVersion(CatalogueVersion.SERVICE_ITEMS, file.version()));
        log.info("Catalogue version {}: {} of {} items written", file.version(), written, file.items().size());
    }

    private boolean upsert(CatalogueEntry entry) {
        ServiceItem item = items.findByCode(entry.code()).orElse(null);
        if (item == null) {
            items.save(new ServiceItem(entry));
            return true;
        }
        if (item.revise(entry)) {
            items.save(item);
            return true;
        }
        return false;
    }
}
