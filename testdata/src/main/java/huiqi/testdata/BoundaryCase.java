package huiqi.testdata;

import java.util.Locale;

/** Which side of a rule's threshold a scenario enterprise is put on. */
public enum BoundaryCase {
    /** comfortably on the eligible side */
    ELIGIBLE,
    /** exactly at the threshold */
    AT_THRESHOLD,
    /** one step (1 kWh, 1 person, 0.01 元 …) below the threshold */
    JUST_BELOW,
    /** one step above the threshold */
    JUST_ABOVE,
    /** comfortably on the ineligible side */
    INELIGIBLE,
    /** eligible-shaped, but one fact the rule needs is missing */
    UNDETERMINABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
