package cn.lishui.police.platform.mongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** A stored document, written as BSON rather than Java-serialised (faster to write and read, and smaller). */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    private DocumentType() {
    }

    /** Only equality is ever asked of values (MVMap's conditional replace/remove). */
    @Override
    public int compare(Document a, Document b) {
        return a == b || a.equals(b) ? 0 : BsonValues.compare(a, b);
    }

    @Override
    public int getMemory(Document document) {
        return BsonValues.memory(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        BsonValues.writeDocument(buffer, document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return BsonValues.readDocument(buffer);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
