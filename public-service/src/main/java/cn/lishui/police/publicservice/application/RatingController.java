package cn.lishui.police.publicservice.application;

import java.net.URI;
import java.time.Instant;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** 好差评: the applicant rates a finished application once. */
@RestController
class RatingController {

    /** A rating as the API shows it, with the rectification task a bad rating opened. */
    record RatingView(String applicationId, int stars, String comment, Instant ratedAt,
                      RectificationTask rectificationTask) {
    }

    private final Ratings ratings;

    RatingController(Ratings ratings) {
        this.ratings = ratings;
    }

    @PostMapping("/api/public/applications/{id}/rating")
    @PreAuthorize("hasAnyRole('CITIZEN', 'COMPATRIOT')")
    ResponseEntity<RatingView> rate(@PathVariable String id, @Valid @RequestBody ApplicationCommands.Rate command) {
        Rating rating = ratings.rate(Caller.current(), id, command);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().build().toUri();
        return ResponseEntity.created(location).body(new RatingView(rating.applicationId(), rating.stars(),
                rating.comment(), rating.ratedAt(), ratings.task(rating.rectificationTaskId())));
    }
}
