package cn.lishui.police.mediation.dispute;

/**
 * What one dispute adds to the KPI counters ({@link KpiCounters}): the cell it is counted in (county,
 * organisation, category, month of registration), its 0/1 counters, the days it took to close (in hundredths,
 * so that sums stay exact), its due date while it is open (for the overdue count) and the mediator whose
 * caseload it is part of while it is on a desk. Two disputes in the same state share equal shares.
 *
 * @param dueAt      epoch second of the due date while the dispute is open, else 0
 * @param deskOf     the mediator whose caseload the dispute counts in (ASSIGNED, IN_MEDIATION, AGREED), else null
 */
record KpiShare(String countyCode, String organisationId, String category, String period, long accepted,
                long mediated, long agreed, long closed, long daysHundredths, long dueAt, String deskOf) {

    static KpiShare of(Dispute dispute) {
        Dispute.Kpi kpi = dispute.kpi() == null ? Dispute.Kpi.NONE : dispute.kpi();
        DisputeStatus status = dispute.status();
        boolean open = status != null && status.open() && dispute.dueAt() != null;
        boolean onDesk = status != null && DisputeStatus.ON_A_MEDIATORS_DESK.contains(status)
                && dispute.mediatorId() != null;
        return new KpiShare(dispute.countyCode(), dispute.organisationId(),
                dispute.category() == null ? null : dispute.category().name(), dispute.period(), kpi.accepted(),
                kpi.mediated(), kpi.agreed(), kpi.closed(), Math.round(kpi.daysToClose() * 100),
                open ? dispute.dueAt().getEpochSecond() : 0, onDesk ? dispute.mediatorId() : null);
    }

    /** The key of the cell: the four dimensions joined by '|', "-" for none. */
    String cell() {
        return key(countyCode) + "|" + key(organisationId) + "|" + key(category) + "|" + key(period);
    }

    private static String key(String part) {
        return part == null ? "-" : part;
    }
}
