package cn.lishui.police.grid.incident;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Enforcement guidance (执法指引) for one category: what the officer on scene does, step by step, and
 * on what legal basis. ADMIN maintains it; every incident of the category shows it.
 */
@Document("enforcement_guides")
record EnforcementGuide(@Id String category, String title, List<String> steps, List<String> legalBasis,
                        String updatedBy, Instant updatedAt, @Version Long version) {
}
