package huiqi.enterprise;

import huiqi.facts.Facts;

/** One enterprise as the rule engine sees it: its profile and its facts. */
public record EnterpriseRecord(Enterprise profile, Facts facts) {
}
