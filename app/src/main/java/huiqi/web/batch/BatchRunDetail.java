package huiqi.web.batch;

import java.util.List;

/** What GET /api/v1/batch-runs/{id} returns: the run and, once done, its summaries. */
public record BatchRunDetail(BatchRun run, String statusLabel, List<BatchRunStore.RuleRow> rules,
                             List<BatchRunStore.PayerRow> payers, List<BatchRunStore.BudgetRow> budgets) {
}
