package cn.lishui.police.mediation.dispute;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * A mediator's caseload, derived rather than stored on the mediator: the disputes on their desk (assigned, in
 * mediation, or agreed and awaiting the follow-up visit), as the KPI counters keep it ({@link KpiCounters}),
 * updated with every dispute write and equal to a recount.
 */
@Service
public class Caseloads {

    private final KpiCounters counters;

    Caseloads(KpiCounters counters) {
        this.counters = counters;
    }

    public long of(String mediatorId) {
        return counters.caseload(mediatorId);
    }

    /** The caseloads of many mediators; a mediator without cases is absent (0). */
    public Map<String, Long> of(Collection<String> mediatorIds) {
        return counters.caseloads(mediatorIds);
    }
}
