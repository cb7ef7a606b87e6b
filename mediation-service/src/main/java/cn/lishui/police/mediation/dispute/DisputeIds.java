package cn.lishui.police.mediation.dispute;

import cn.lishui.police.platform.mongo.TimeOrderedIds;

/**
 * Dispute ids: time-ordered UUIDs (version 7, {@link TimeOrderedIds}), so a new dispute's id sorts after every
 * earlier one. Random ids (version 4) touched pages all over the stores' {@code _id} B-tree, and the embedded
 * store, which writes whole pages back at every commit, slowed down with the number of disputes that way.
 */
final class DisputeIds {

    private DisputeIds() {
    }

    static String next() {
        return TimeOrderedIds.next();
    }
}
