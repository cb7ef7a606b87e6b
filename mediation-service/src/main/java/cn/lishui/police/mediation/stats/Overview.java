package cn.lishui.police.mediation.stats;

import java.util.List;

/**
 * The mediation KPIs. resolutionRate (调处率) = mediated / accepted, successRate = agreed / mediated, where
 * "mediated" counts the disputes whose mediation reached an outcome (an agreement or a failure); each is a share
 * between 0 and 1, {@code null} while its denominator is 0. averageDaysToClose over the closed disputes.
 */
record Overview(long organisations, long mediators, long disputes, long accepted, long mediated, long agreed,
                long closed, Double resolutionRate, Double successRate, long overdue, Double averageDaysToClose,
                List<Row> byOrganisation, List<Row> byCounty, List<Row> byCategory, List<Row> byPeriod) {

    /** One group of a breakdown: {@code key} is an organisation id, county code, category or month (2026-11). */
    record Row(String key, String name, long disputes, long accepted, long mediated, long agreed, long closed,
               Double resolutionRate, Double successRate, Double averageDaysToClose) {
    }
}
