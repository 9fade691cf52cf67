package huiqi.web.fulfilment;

import org.springframework.stereotype.Component;

/** The 兑现 services both the pages and the REST API drive, injected as one bean. */
@Component
record FulfilmentServices(CaseRepository cases, CaseWorkflow workflow, CaseAccess access, MatchSync sync,
                          Rematch rematch, MatchImports matchImports, Applications applications, LedgerQueries ledger, Limits limits,
                          AuditLog audit, Exports exports, FulfilmentStats stats, ContributionReport contribution) {
}
