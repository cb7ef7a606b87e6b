package cn.lishui.police.publicservice.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StarLevelTest {

    @Test
    void theStandardHasElevenMeasuresSixteenWaitingAreaItemsAndSixPhotoRoomItems() {
        assertThat(ConvenienceMeasure.values()).hasSize(11);
        assertThat(WaitingAreaItem.values()).hasSize(16);
        assertThat(PhotoRoomItem.values()).hasSize(6);
    }

    @Test
    void aWindowWithEverythingAndNoRatingsHasFiveStarsAndOneWithNothingOne() {
        assertThat(StarLevel.of(11, 16, 6, null)).isEqualTo(5);
        assertThat(StarLevel.of(0, 0, 0, null)).isEqualTo(1);
    }

    @Test
    void halfTheFacilitiesGiveThreeStars() {
        // f = 0.5·6/11 + 0.3·8/16 + 0.2·3/6 ≈ 0.523 → 1 + 4f ≈ 3.09 → 3
        assertThat(StarLevel.of(6, 8, 3, null)).isEqualTo(3);
    }

    @Test
    void ratingsCountForHalfTheStarLevel() {
        assertThat(StarLevel.of(11, 16, 6, 1.0)).isEqualTo(3);
        assertThat(StarLevel.of(0, 0, 0, 5.0)).isEqualTo(3);
        assertThat(StarLevel.of(11, 16, 6, 5.0)).isEqualTo(5);
        assertThat(StarLevel.of(0, 0, 0, 1.0)).isEqualTo(1);
    }
}
