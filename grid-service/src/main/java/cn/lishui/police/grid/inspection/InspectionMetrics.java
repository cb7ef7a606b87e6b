package cn.lishui.police.grid.inspection;

import cn.lishui.police.grid.metrics.CountyGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** Open inspection tasks past their due date, per county. */
@Component
class InspectionMetrics implements MeterBinder {

    private final Inspections inspections;

    InspectionMetrics(Inspections inspections) {
        this.inspections = inspections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CountyGauges.register(registry, "grid.inspections.overdue", "Open inspection tasks past their due date",
                Tags.empty(), inspections::overdueIn);
    }
}
