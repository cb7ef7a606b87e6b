package cn.lishui.police.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/** mongo-java-server's H2 collection over the BSON-typed maps of {@link BsonDatabase}. */
final class BsonCollection extends H2Collection {

    BsonCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                   MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
    }

    /**
     * findAndModify answers with the stored document itself, which mongo-java-server updates in place; the
     * answer is encoded after the collection's lock is released, so a concurrent {@code $inc} on the same
     * document could show up in it (two callers of a counter were given the same number). The answer is
     * copied while the lock is held.
     */
    @Override
    public synchronized Document findAndModify(Document query) {
        return super.findAndModify(query).cloneDeeply();
    }
}
