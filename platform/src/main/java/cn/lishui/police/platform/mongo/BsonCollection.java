package cn.lishui.police.platform.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection over the BSON-typed maps of {@link BsonDatabase}.
 *
 * <p>mongo-java-server uses an index only when the query's fields are exactly the index's fields, so
 * {@code {_id: X, version: 3}} (Spring Data's versioned save and update, every workflow action on a
 * {@code @Version} entity) or {@code {_id: X, status: 'OPEN'}} read every document of the collection under its
 * lock. Here such a query is narrowed: when no index takes the query as a whole, but a unique index's fields
 * are all in the query as plain equalities (at its top level or in a top-level {@code $and}; a value, {@code {$eq: value}}, or for a one-field index
 * {@code {$in: [values]}}), the documents that index finds for those fields are the candidates, and the whole
 * query is applied to them as a filter, with the sort, skip, limit and projection of the full scan. Find,
 * the count command, update, findAndModify and delete all plan their query here ({@code queryDocuments}); an
 * upsert that matches nothing inserts as before. Aggregations (also the driver's {@code countDocuments}) still
 * read every document: mongo-java-server feeds a pipeline the whole collection.
 */
final class BsonCollection extends H2Collection {

    private final MVMap<Object, Document> documents;
    private final boolean narrowByUniqueIndex;
    private final LongAdder fullScans = new LongAdder();
    private final LongAdder documentStreams = new LongAdder();

    BsonCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                   MVMap<String, Object> meta, CursorRegistry cursors, boolean narrowByUniqueIndex) {
        super(database, name, options, documents, meta, cursors);
        this.documents = documents;
        this.narrowByUniqueIndex = narrowByUniqueIndex;
    }

    /** Adds the index, filling it from the documents unless it was filled before; a unique one remembers it was. */
    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        if (index instanceof BsonUniqueIndex unique) {
            unique.filled();
        }
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

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        List<Object> candidates = narrowByUniqueIndex ? candidatePositions(query, orderBy) : null;
        if (candidates == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
        return matchDocuments(query, candidates, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    /** The full scan: every document of the collection is read and matched. Counted for the tests. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        fullScans.increment();
        return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    /** How many queries of this collection read all its documents. */
    long fullScans() {
        return fullScans.sum();
    }

    /** Every document with its position: what adding an index to a non-empty collection reads. Counted. */
    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        documentStreams.increment();
        return super.streamAllDocumentsWithPosition();
    }

    /** How many times all documents were streamed with their positions (index builds). */
    long documentStreams() {
        return documentStreams.sum();
    }

    /**
     * The positions ({@code _id}s) of the only documents that can match, in the collection's natural order
     * (or reversed for {@code $natural: -1}); {@code null} when the query is left to mongo-java-server: an index
     * takes it as a whole, or no unique index's fields are all plain equalities of the query.
     */
    private List<Object> candidatePositions(Document query, Document orderBy) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<Index<Object>> indexes = getIndexes();
        for (Index<Object> index : indexes) {
            if (index.canHandle(query)) {
                return null;
            }
        }
        for (Index<Object> index : indexes) {
            Document lookup = lookupQuery(index, query);
            if (lookup == null || !index.canHandle(lookup)) {
                continue;
            }
            List<Object> positions = new ArrayList<>();
            index.getPositions(lookup).forEach(positions::add);
            if (positions.size() > 1) {
                if (isNaturalDescending(orderBy)) {
                    positions.sort(ValueComparator.desc());
                } else {
                    positions.sort(documents.getKeyType()::compare);
                }
            }
            return positions;
        }
        return null;
    }

    /** The part of the query an index can look up: its fields as plain equalities, or null. */
    private static Document lookupQuery(Index<Object> index, Document query) {
        if (!index.isUnique()) {
            return null;
        }
        List<IndexKey> keys = index.getKeys();
        Document lookup = new Document();
        for (IndexKey key : keys) {
            Object condition = condition(query, key.getKey());
            Object value = equalityValue(condition);
            if (value == null && keys.size() == 1) {
                value = inValues(condition);
            }
            if (value == null) {
                return null;
            }
            lookup.put(key.getKey(), value);
        }
        return lookup;
    }

    /** The query's condition on a field, at its top level or in a top-level {@code $and} (the driver's Filters.and). */
    private static Object condition(Document query, String field) {
        Object condition = query.get(field);
        if (condition == null && query.get("$and") instanceof List<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document part && (condition = condition(part, field)) != null) {
                    return condition;
                }
            }
        }
        return condition;
    }

    private static Object equalityValue(Object condition) {
        if (condition instanceof Document expression) {
            if (expression.size() == 1 && expression.containsKey("$eq")) {
                Object value = expression.get("$eq");
                return isScalar(value) ? value : null;
            }
            return null;
        }
        return isScalar(condition) ? condition : null;
    }

    private static Object inValues(Object condition) {
        if (condition instanceof Document expression && expression.size() == 1
                && expression.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(BsonCollection::isScalar)) {
            return new Document("$in", values);
        }
        return null;
    }

    /** Values whose equality the unique index and the query matcher agree on: no null, array, document or regex. */
    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof ObjectId || value instanceof UUID || value instanceof Instant
                || value instanceof Date;
    }
}
