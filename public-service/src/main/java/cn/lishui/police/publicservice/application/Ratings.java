package cn.lishui.police.publicservice.application;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;
import cn.lishui.police.publicservice.window.Windows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Rating finished applications; a bad rating opens a rectification task. */
@Service
class Ratings {

    private final Applications applications;
    private final RatingRepository ratings;
    private final RectificationTaskRepository tasks;
    private final Windows windows;

    Ratings(Applications applications, RatingRepository ratings, RectificationTaskRepository tasks,
            Windows windows) {
        this.applications = applications;
        this.windows = windows;
        this.ratings = ratings;
        this.tasks = tasks;
    }

    Rating rate(Caller applicant, String applicationId, ApplicationCommands.Rate command) {
        Application application = applications.get(applicant, applicationId);
        if (!application.applicantId().equals(applicant.subject())) {
            // staff can read the application but only its applicant rates it
            throw DomainException.forbidden("NOT_THE_APPLICANT", applicationId);
        }
        if (!application.status().finished()) {
            throw DomainException.conflict("APPLICATION_NOT_FINISHED", applicationId, application.status());
        }
        if (ratings.existsByApplicationId(applicationId)) {
            throw DomainException.conflict("ALREADY_RATED", applicationId);
        }
        String taskId = null;
        if (command.stars() <= 2) {
            taskId = tasks.save(new RectificationTask(null, applicationId, application.itemCode(),
                    application.stationId(), command.stars(), command.comment(), RectificationTask.OPEN,
                    applications.dueAt(applications.now(), RectificationTask.WORKING_DAYS), null)).id();
        }
        Rating rating;
        try {
            rating = ratings.save(new Rating(null, applicationId, applicant.subject(), application.itemCode(),
                    application.stationId(), command.stars(), command.comment(), taskId, null));
        } catch (DuplicateKeyException e) {
            // the same applicant rating twice at the same moment
            throw DomainException.conflict("ALREADY_RATED", applicationId);
        }
        // the rating belongs to the window that accepted the application (its clerks' station_id)
        windows.ratingRecorded(application.stationId());
        ApplicationMetrics.rated(applications.meters(), application, command.stars());
        return rating;
    }

    RectificationTask task(String id) {
        return id == null ? null : tasks.findById(id).orElse(null);
    }
}
