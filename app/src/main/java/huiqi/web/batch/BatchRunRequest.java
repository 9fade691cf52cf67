package huiqi.web.batch;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** The body of POST /api/v1/batch-runs (and what the page's form is turned into). */
@Schema(description = "发起一次批量免申即享运行")
public record BatchRunRequest(
        @Schema(description = "文件 id，如 fz-2024-2；省略或 \"all\" 为全部文件", example = "fz-2024-2") String docId,
        @Schema(description = "评估日期（可省略）：只评估该日有效的规则，参数取该日的值", example = "2024-03-01") String asOf,
        @Schema(description = "试算（what-if）：参数全名 → 值（带单位）", example = "{\"fz-2024-2/7.rate\": \"0.03元/千瓦时\"}")
        Map<String, String> overrides,
        @Schema(description = "预算（可省略）") BudgetRequest budget) {

    @Schema(description = "一个付款方对本次运行中其付款的全部规则的预算")
    public record BudgetRequest(
            @Schema(description = "付款方（级别·部门）", example = "市级·市财政局") String payer,
            @Schema(description = "金额（元），可写 500万元", example = "5000000") String amount,
            @Schema(description = "超额时的分配办法：pro-rata（按比例，到分）或 first-come（先到先得，按建档时间）",
                    example = "pro-rata") String method) {
    }
}
