package cn.lishui.police.platform.snapshot;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.MongoMappingEvent;

/**
 * The saves and deletes this instance makes through its {@code MongoTemplate} (and so through its repositories),
 * by collection: what an in-memory copy of some collections ({@link RefreshingSnapshot}, a cached computation)
 * listens to, so that it is taken again after this instance changed what it was taken from. One listener per
 * service (a bean of the starter) instead of one {@code @EventListener} pair per cache.
 *
 * <p>It sees Spring Data's {@link AfterSaveEvent} (insert, save, and their batch forms) and {@link AfterDeleteEvent}
 * (remove, delete by query, and repository deletes). It does not see template {@code update*}/{@code findAndModify}
 * calls, writes straight through the driver, or other instances' writes: copies that must also show those keep
 * a maximum age ({@link RefreshingSnapshot}'s {@code maxAge}) or compare counts.
 */
public final class StoreWrites implements ApplicationListener<MongoMappingEvent<?>> {

    private record Watch(Set<String> collections, Runnable action) {
    }

    private final List<Watch> watches = new CopyOnWriteArrayList<>();

    /**
     * Runs {@code action} after every save or delete through the template in one of {@code collections}, on the
     * writing thread, before the write's caller goes on: a reader that follows the write sees the action's effect.
     * Keep it short (bump a counter, invalidate a snapshot).
     */
    public void onWrite(Collection<String> collections, Runnable action) {
        watches.add(new Watch(Set.copyOf(collections), Objects.requireNonNull(action)));
    }

    @Override
    public void onApplicationEvent(MongoMappingEvent<?> event) {
        if (!(event instanceof AfterSaveEvent<?>) && !(event instanceof AfterDeleteEvent<?>)) {
            return;
        }
        String collection = event.getCollectionName();
        for (Watch watch : watches) {
            if (collection != null && watch.collections().contains(collection)) {
                watch.action().run();
            }
        }
    }
}
