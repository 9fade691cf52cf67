package huiqi.web.facts;

import huiqi.web.security.HuiqiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** 事实数据上报: a data-holding department posts a batch of facts, all or nothing, once per batch id. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "事实数据", description = "数据部门批量上报企业指标数据（整批校验、整批入库、按批次号幂等）")
class FactsApiController {
    private static final int MAX_BODY = 10_000_000;
    private static final String EXAMPLE = """
            {"batchId": "税务-2024-03-0001", "source": "市税务局",
             "facts": [{"uscc": "91350102MA2Y5K8T3W", "indicator": "vat_monthly_sales", "period": "2024-02", "value": "9.5万元"},
                       {"uscc": "91350102MA2Y5K8T3W", "indicator": "纳税额", "period": "2024-Q1", "value": 186000}],
             "lists": [{"uscc": "91350102MA2Y5K8T3W", "kind": "loans",
                        "items": [{"id": "L-2023-001", "start": "2023-03-01", "amount": "500万元", "rate": "3.65%"}]}]}""";

    private final FactBatchService batches;

    FactsApiController(FactBatchService batches) {
        this.batches = batches;
    }

    @PostMapping(value = "/facts", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "上报一批事实数据（整批校验，全部通过才入库；同一 batchId 重发不重复入库）",
            description = "请求体 {batchId, source, facts:[{uscc, indicator, period, value}], lists:[{uscc, kind, items:[{id, 字段: 值}]}]}。"
                    + "indicator 为 indicators.yaml 的 id 或名称；period 的粒度须与指标一致；value 为带单位的文本（\"52万千瓦时\"）或数字（按指标的单位）。"
                    + "lists 为清单（indicators.yaml 的 items：贷款、租赁合同等），每份是一户企业一种清单的全部项目，替换库中原有的同种清单，"
                    + "与数据导入的清单表同样校验；facts 与 lists 可只有其一。"
                    + "部门经办只能以本部门名义上报（source 缺省为本部门）。格式见 docs/api.md。",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "已入库", content = @Content(
                            schema = @Schema(implementation = FactBatchResult.class))),
                    @ApiResponse(responseCode = "200", description = "该批次已入库过且内容相同：返回原结果，未做任何更改（alreadyApplied=true）",
                            content = @Content(schema = @Schema(implementation = FactBatchResult.class))),
                    @ApiResponse(responseCode = "400", description = "请求体格式错误（problem+json，problems 列出每处）"),
                    @ApiResponse(responseCode = "422", description = "有不合格的条目，整批未入库（problem+json，problems[{index, field, path, reason}]，path 为出错处的 JSON 路径）"),
                    @ApiResponse(responseCode = "409", description = "该批次号已以不同内容入库"),
                    @ApiResponse(responseCode = "403", description = "无权上报（企业账号、督查室）")})
    ResponseEntity<FactBatchResult> post(@RequestBody String json,
                                         @Parameter(hidden = true) @AuthenticationPrincipal HuiqiUser user) {
        if (json.length() > MAX_BODY) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大，请分批上报");
        }
        FactBatchResult r = batches.apply(json, user);
        return ResponseEntity.status(r.alreadyApplied() ? HttpStatus.OK : HttpStatus.CREATED).body(r);
    }
}
