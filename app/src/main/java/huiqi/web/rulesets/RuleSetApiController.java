package huiqi.web.rulesets;

import huiqi.web.security.HuiqiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/rules/{policyId}/…: rule-set versions as JSON (save a draft, read a version and its text, submit, review). */
@RestController
@RequestMapping("/api/v1/rules/{policyId}")
@Tag(name = "规则版本", description = "规则集的版本：保存草稿、提交审核、审核发布或退回")
class RuleSetApiController {
    private final RuleSetService service;
    private final SubmissionCheck check;

    RuleSetApiController(RuleSetService service, SubmissionCheck check) {
        this.service = service;
        this.check = check;
    }

    record DraftRequest(String yaml, Integer baseVersion) {
    }

    record SubmitRequest(LocalDate effectiveFrom, int lockVersion) {
    }

    record ReviewRequest(int lockVersion, String comment) {
    }

    record VersionView(String policyId, int version, String state, Integer basedOn, List<String> authors,
                       OffsetDateTime createdAt, OffsetDateTime submittedAt, LocalDate requestedFrom, String reviewer,
                       OffsetDateTime reviewedAt, String reviewComment, LocalDate effectiveFrom, Integer supersededBy,
                       int lockVersion, String yaml, List<String> problems) {
        static VersionView of(RuleSetVersion v, List<String> problems) {
            return new VersionView(v.policyId(), v.version(), v.stateLabel(), v.basedOn(), v.authors(), v.createdAt(),
                    v.submittedAt(), v.requestedFrom(), v.reviewer(), v.reviewedAt(), v.reviewComment(),
                    v.effectiveFrom(), v.supersededBy(), v.lockVersion(), v.yaml(), problems);
        }
    }

    @PostMapping("/drafts")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "保存草稿（yaml 为整个规则文件；baseVersion 为所修改的版本号，0 表示基于已发布版本新建）",
            description = "成功 201，返回新版本；baseVersion 已过时（其后有人保存或已提交审核）时 409，返回最新版本号与原文本")
    ResponseEntity<VersionView> save(@PathVariable String policyId, @RequestBody DraftRequest body,
                                     @Parameter(hidden = true) @AuthenticationPrincipal HuiqiUser user) {
        int n = service.saveDraft(policyId, body.yaml(), body.baseVersion() == null ? 0 : body.baseVersion(),
                RuleSetController.editor(user));
        RuleSetVersion v = service.find(policyId, n).orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/rules/" + policyId + "/versions/" + n).body(VersionView.of(v, null));
    }

    @GetMapping("/versions")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','REVIEWER')")
    @Operation(summary = "一个政策文件的全部规则版本（新的在前，不含文本）")
    List<VersionView> versions(@PathVariable String policyId) {
        return service.versions(policyId).stream().map(v -> VersionView.of(v, null)).map(v -> new VersionView(
                v.policyId(), v.version(), v.state(), v.basedOn(), v.authors(), v.createdAt(), v.submittedAt(),
                v.requestedFrom(), v.reviewer(), v.reviewedAt(), v.reviewComment(), v.effectiveFrom(), v.supersededBy(),
                v.lockVersion(), null, null)).toList();
    }

    @GetMapping("/versions/{n}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','REVIEWER')")
    @Operation(summary = "一个规则版本：状态、作者、审核、文本；problems 为提交审核前须解决的问题（第几行）")
    VersionView version(@PathVariable String policyId, @PathVariable int n) {
        RuleSetVersion v = service.find(policyId, n).orElseThrow(() -> RuleSetController.notFound(policyId, n));
        return VersionView.of(v, check.problems(policyId, v.yaml()));
    }

    @GetMapping(value = "/versions/{n}/yaml", produces = "text/plain;charset=UTF-8")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','REVIEWER')")
    @Operation(summary = "规则版本的规则文件（YAML 原文，逐字节与保存时相同）")
    ResponseEntity<byte[]> yaml(@PathVariable String policyId, @PathVariable int n) {
        RuleSetVersion v = service.find(policyId, n).orElseThrow(() -> RuleSetController.notFound(policyId, n));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(v.yaml().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/versions/{n}/submit")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "提交审核（未通过检查时 422，列出每个问题及其位置）")
    VersionView submit(@PathVariable String policyId, @PathVariable int n, @RequestBody SubmitRequest body,
                       @Parameter(hidden = true) @AuthenticationPrincipal HuiqiUser user) {
        service.submit(policyId, n, body.effectiveFrom(), body.lockVersion(), RuleSetController.editor(user));
        return VersionView.of(service.find(policyId, n).orElseThrow(), null);
    }

    @PostMapping("/versions/{n}/approve")
    @PreAuthorize("hasAnyRole('ADMIN','REVIEWER')")
    @Operation(summary = "审核通过并发布（作者本人不能审核）")
    VersionView approve(@PathVariable String policyId, @PathVariable int n, @RequestBody ReviewRequest body,
                        @Parameter(hidden = true) @AuthenticationPrincipal HuiqiUser user) {
        service.approve(policyId, n, body.lockVersion(), RuleSetController.editor(user));
        return VersionView.of(service.find(policyId, n).orElseThrow(), null);
    }

    @PostMapping("/versions/{n}/reject")
    @PreAuthorize("hasAnyRole('ADMIN','REVIEWER')")
    @Operation(summary = "退回作者（须写明意见）")
    VersionView reject(@PathVariable String policyId, @PathVariable int n, @RequestBody ReviewRequest body,
                       @Parameter(hidden = true) @AuthenticationPrincipal HuiqiUser user) {
        service.reject(policyId, n, body.lockVersion(), body.comment(), RuleSetController.editor(user));
        return VersionView.of(service.find(policyId, n).orElseThrow(), null);
    }

    @ExceptionHandler(StaleDraft.class)
    ResponseEntity<ProblemDetail> stale(StaleDraft e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("版本冲突");
        p.setProperties(Map.of("head", e.head(), "yaml", e.yaml()));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
    }

    @ExceptionHandler(RuleSetRefused.class)
    ResponseEntity<ProblemDetail> refused(RuleSetRefused e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        p.setTitle("不能执行");
        p.setProperties(Map.of("problems", e.reasons()));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(p);
    }
}
