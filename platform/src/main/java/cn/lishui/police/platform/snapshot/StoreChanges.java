package cn.lishui.police.platform.snapshot;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * How many writes the store has carried out on some collections, where the store can tell: the embedded default
 * counts every write command it carries out, from any client ({@code EmbeddedMongoServer#writes}); a shared
 * MongoDB cannot say cheaply, and answers empty. The same number later means that nothing was written to those
 * collections in between, so an in-memory copy that has grown old need not be read again
 * ({@link RefreshingSnapshot}).
 */
@FunctionalInterface
public interface StoreChanges {

    /** A store that cannot tell: every old copy is read again. */
    StoreChanges UNKNOWN = collections -> OptionalLong.empty();

    /** The count of writes to these collections so far, or empty when the store cannot tell. */
    OptionalLong writes(Collection<String> collections);
}
