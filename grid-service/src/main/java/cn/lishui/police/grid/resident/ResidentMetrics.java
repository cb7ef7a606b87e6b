package cn.lishui.police.grid.resident;

import cn.lishui.police.grid.metrics.CountyGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** Floating registrations expiring within 30 days, per county. */
@Component
class ResidentMetrics implements MeterBinder {

    static final int EXPIRING_DAYS = 30;

    private final Residents residents;

    ResidentMetrics(Residents residents) {
        this.residents = residents;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CountyGauges.register(registry, "grid.residents.floating.expiring",
                "Floating-population registrations expiring within " + EXPIRING_DAYS + " days", Tags.empty(),
                county -> residents.expiringCount(county, EXPIRING_DAYS));
    }
}
