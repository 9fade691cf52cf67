package huiqi.web.batch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** 批量免申即享 over the API: start a run (it executes in the background), poll its status, page its results. */
@RestController
@RequestMapping(value = "/api/v1/batch-runs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "批量免申即享", description = "对全部企业批量评估一个或全部文件的规则，可试算与预算分配")
class BatchRunApiController {
    private final BatchRunService service;
    private final BatchRunStore runs;
    private final BatchResults results;

    BatchRunApiController(BatchRunService service, BatchRunStore runs, BatchResults results) {
        this.service = service;
        this.runs = runs;
        this.results = results;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "发起一次运行（排队后在后台执行，返回 202 与运行记录；用 GET 查询进度）")
    ResponseEntity<BatchRun> start(@RequestBody(required = false) BatchRunRequest request, Authentication auth) {
        BatchRun run = service.start(request == null ? new BatchRunRequest(null, null, null, null) : request, auth.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/batch-runs/" + run.id())).body(run);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "最近的运行（新的在前）")
    List<BatchRun> list(@RequestParam(defaultValue = "50") int limit) {
        return runs.list(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "一次运行的状态、进度（0–100）、阶段、用时；完成后含按规则、按付款方的汇总（基准 base 与试算 variant）和预算分配")
    BatchRunDetail get(@PathVariable long id) {
        BatchRun run = runs.find(id).orElseThrow(() -> notFound(id));
        return new BatchRunDetail(run, run.statusLabel(), runs.rules(id), runs.payers(id), runs.budgets(id));
    }

    @GetMapping("/{id}/results")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "逐户结果（有试算时为试算结果，另带基准的状态与金额），分页")
    BatchResults.Page results(@PathVariable long id,
                              @Parameter(description = "规则 id") @RequestParam(required = false) String rule,
                              @Parameter(description = "eligible | ineligible | undeterminable") @RequestParam(required = false) String status,
                              @Parameter(description = "企业名称、统一社会信用代码或行政区划代码（前缀）") @RequestParam(required = false) String q,
                              @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        runs.find(id).orElseThrow(() -> notFound(id));
        return results.page(id, new ResultFilter(rule, status, q), Math.max(1, page), Math.max(1, Math.min(size, 500)));
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有运行 " + id);
    }
}
