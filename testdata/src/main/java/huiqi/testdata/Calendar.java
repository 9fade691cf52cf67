package huiqi.testdata;

import java.util.List;

/** The periods the synthetic population reports. */
final class Calendar {
    /** 2023-01 … 2024-03: enough for 2023 annual measures and 2024 Q1 year-on-year comparisons. */
    static final List<String> MONTHS = List.of(
            "2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09",
            "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03");
    static final List<String> QUARTERS = List.of("2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1");
    /** 2024 春节假期 正月初一至初八. */
    static final String SPRING_FESTIVAL_2024 = "2024-02-10..2024-02-17";

    private Calendar() {
    }

    /**
     * Electricity relative to a normal month. The Spring Festival fell on 2023-01-22 and 2024-02-10, so
     * production dips in January 2023 and February 2024 (and, less, in the month after).
     */
    static double electricitySeason(String month) {
        return switch (month) {
            case "2023-01" -> 0.72;
            case "2023-02" -> 0.90;
            case "2024-01" -> 1.00;
            case "2024-02" -> 0.70;
            case "2024-03" -> 1.02;
            case "2023-07", "2023-08" -> 1.12; // air conditioning
            default -> 1.0;
        };
    }

    /** Gas follows heating and the same festival dip. */
    static double gasSeason(String month) {
        return switch (month) {
            case "2023-01" -> 0.85;
            case "2023-12", "2024-01" -> 1.15;
            case "2024-02" -> 0.80;
            default -> 1.0;
        };
    }
}
