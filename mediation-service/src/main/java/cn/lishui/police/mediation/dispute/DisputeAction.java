package cn.lishui.police.mediation.dispute;

import java.util.Arrays;

import cn.lishui.police.platform.error.DomainException;

/** What can be done to a dispute, as the path segment of its action URL names it. */
enum DisputeAction {
    ACCEPT("accept"),
    DECLINE("decline"),
    ASSIGN("assign"),
    REASSIGN("reassign"),
    START("start"),
    AGREE("agree"),
    FAIL("fail"),
    FOLLOW_UP("follow-up"),
    CLOSE("close"),
    WITHDRAW("withdraw"),
    /** A party objects to the mediator (申请回避); reviewed by the organisation head. */
    REQUEST_RECUSAL("request-recusal"),
    REVIEW_RECUSAL("review-recusal"),
    /** A party the intake did not name (a hand-off of an anonymous call), recorded by the head or mediator. */
    ADD_PARTY("add-party"),
    SCHEDULE_SESSION("schedule-session"),
    RECORD_SESSION("record-session");

    private final String path;

    DisputeAction(String path) {
        this.path = path;
    }

    static DisputeAction ofPath(String path) {
        return Arrays.stream(values()).filter(action -> action.path.equals(path)).findFirst()
                .orElseThrow(() -> DomainException.notFound("UNKNOWN_ACTION", path));
    }

    String path() {
        return path;
    }
}
