package huiqi.rules.file;

import java.time.LocalDate;

/**
 * When a rule is in force: from a first day (null = open, "..2020-12-31") to a last day (null = open,
 * "2020-02-05.."), or until an event whose date is a date parameter ({@code until}, "2020-01-25..response_end",
 * 至一级响应结束). While that parameter is unpublished the rule's validity after {@code from} is undeterminable.
 */
public record Validity(LocalDate from, LocalDate to, Parameter until) {

    /** In force on {@code day}: TRUE, FALSE, or null when it depends on an unpublished event date. */
    public Boolean contains(LocalDate day) {
        if (from != null && day.isBefore(from)) {
            return false;
        }
        LocalDate last = lastDay();
        if (last != null) {
            return !day.isAfter(last);
        }
        return until != null ? null : true;
    }

    /** The last day in force: {@code to}, or the event's date once published; null if open or still pending. */
    public LocalDate lastDay() {
        if (to != null) {
            return to;
        }
        return until == null ? null : until.date();
    }

    /** Why the end is not known yet ("待定：一级响应结束日期未公布"), or null. */
    public String pendingReason() {
        return until != null && until.date() == null ? until.pendingReason() : null;
    }

    /** The first day in force, or null when open at the start. */
    public LocalDate start() {
        return from;
    }

    @Override
    public String toString() {
        String end = to != null ? to.toString() : until == null ? "" : until.date() != null
                ? until.date() + "（" + until.displayName() + "）" : until.displayName();
        return (from == null ? "" : from.toString()) + ".." + end;
    }
}
