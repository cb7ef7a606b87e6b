package cn.lishui.police.platform.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
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
 *
 * <p>A stored document is never changed: every query's matches are copies, so an update stores a new version
 * (mongo-java-server would change the document it found in place, while MVStore may still be writing it for an
 * earlier commit; session 13).
 *
 * <p>Three things keep a large collection's reads from holding it all on the heap (session 12: listing a county's
 * ~43,000 incidents with their total took 8-19 s of back-to-back full collections in a 256 MB heap, and the same for
 * a citizen's ~40,000 applications ended in OutOfMemoryError):
 * <ul>
 *   <li>A sorted find with a limit keeps only the best {@code skip + limit} documents while it scans (a bounded
 *       heap, ties in the order the scan met them, as the stock stable sort leaves them), not every match.</li>
 *   <li>An aggregation (the driver's {@code countDocuments} is one) reads the collection as a stream, one copy of a
 *       document at a time, instead of a list of every document made under the collection's lock; writes go on
 *       while a count scans.</li>
 *   <li>A full scan does not put the pages it reads in the page cache ({@link BoundedPageCache#scanning}), so a
 *       scan larger than the cache does not turn the cache's contents into old-generation garbage (session 13).</li>
 * </ul>
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
     * findAndModify with {@code new: true} answers with the document it has just stored, and the answer is encoded
     * after the collection's lock is released. While updates still changed stored documents in place (see
     * {@link #matchDocumentsFromStream}), a later {@code $inc} showed up in such an answer (two callers of a counter
     * were given the same number); the answer is still copied under the lock, so no stored document ever leaves.
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

    /**
     * The full scan: every document of the collection is read and matched, without filling the page cache with
     * the scan's pages ({@link BoundedPageCache#scanning}). Counted for the tests.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        fullScans.increment();
        if (isNaturalDescending(orderBy)) {
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
        return matchDocumentsFromStream(BoundedPageCache.scanning(documents.values().stream()), query, orderBy,
                numberToSkip, numberToReturn, batchSize, fieldSelector);
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
     * Every query's matches (find, count, and the documents an update, findAndModify or delete works on): copies
     * of the stored documents, never the stored ones. mongo-java-server updates the document a query found in place
     * (it copies the new fields into it after storing the new version), and the stored instance may still be in a
     * page that MVStore is writing in the background for an earlier commit, which shares unchanged documents with
     * the newer page: an update of a document next to one just added (time-ordered ids, the same right-most page)
     * broke that write with a ConcurrentModificationException, and a failed commit closes the store. A find's answer
     * is encoded after the collection's lock is released, so it is no longer a document another command may be
     * changing either. A sorted find with a limit keeps only the best {@code skip + limit} matches while it scans
     * and copies those; mongo-java-server then sorts, skips, limits and projects them as it would have all of them.
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip,
                                                   int limit, int batchSize, Comparator<Document> documentComparator,
                                                   Document fieldSelector) {
        Stream<Document> matches = documentStream.filter(document -> documentMatchesQuery(document, query));
        long kept = (long) Math.max(numberToSkip, 0) + limit;
        if (documentComparator != null && limit > 0 && kept <= Integer.MAX_VALUE - 8) {
            matches = best(matches, documentComparator, (int) kept).stream();
        }
        return super.matchDocumentsFromStream(query, matches.map(Document::cloneDeeply), numberToSkip, limit,
                batchSize, documentComparator, fieldSelector);
    }

    /** The stored document itself (for tests: whether a command changed it in place). */
    Document stored(Object id) {
        return documents.get(id);
    }

    /** The first {@code count} documents of the stream in the comparator's order, ties in encounter order. */
    private List<Document> best(Stream<Document> documents, Comparator<Document> order, int count) {
        record Ranked(Document document, long seen) {
        }
        Comparator<Ranked> ranking = Comparator.comparing(Ranked::document, order).thenComparingLong(Ranked::seen);
        PriorityQueue<Ranked> worstFirst = new PriorityQueue<>(Math.min(count, 1024), ranking.reversed());
        long seen = 0;
        for (Iterator<Document> it = documents.iterator(); it.hasNext(); ) {
            Ranked candidate = new Ranked(it.next(), seen++);
            if (worstFirst.size() < count) {
                worstFirst.add(candidate);
            } else if (ranking.compare(candidate, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(candidate);
            }
        }
        return worstFirst.stream().sorted(ranking).map(Ranked::document).toList();
    }

    /**
     * An aggregation's input: the collection read as it goes (MVStore iterates a snapshot of the map), so the
     * pipeline does not hold every document at once; the pages it reads are not put in the page cache. Each document
     * is copied, since a pipeline's stages may change the documents they are given; no lock is taken for the copy:
     * a stored document is never changed after it is stored ({@link #matchDocumentsFromStream}).
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        return BoundedPageCache.scanning(documents.values().stream()).map(Document::cloneDeeply);
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
