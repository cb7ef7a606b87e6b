package cn.lishui.police.grid.inspection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A check-in; the location is optional, but latitude and longitude come together. */
record CheckInCommand(@NotNull CheckInResult result, @Size(max = 2000) String notes, Double lat, Double lng) {
}
