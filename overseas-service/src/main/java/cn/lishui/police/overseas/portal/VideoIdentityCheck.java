package cn.lishui.police.overseas.portal;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The video identity check (视频身份核验) the station's staff made with the compatriot before applying for
 * them: when, with what result, the recording's reference. The staff member is the caller who records it.
 */
record VideoIdentityCheck(@NotNull Instant at, @NotNull Result result, @Size(max = 100) String recordingReference,
                          @Size(max = 500) String note, String staffId) {

    enum Result { PASSED, FAILED, INCONCLUSIVE }

    VideoIdentityCheck by(String staff) {
        return new VideoIdentityCheck(at, result, recordingReference, note, staff);
    }
}
