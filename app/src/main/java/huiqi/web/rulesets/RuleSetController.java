package huiqi.web.rulesets;

import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rule-set versions on the pages: the review queue, a policy's versions, one version (text, what keeps it from
 * review, submit; for a reviewer the diff, the impact and approve / reject), saving a draft and the raw text.
 */
@Controller
class RuleSetController {
    private final RuleSetService service;
    private final RuleSetReview review;

    RuleSetController(RuleSetService service, RuleSetReview review) {
        this.service = service;
        this.review = review;
    }

    static Editor editor(HuiqiUser user) {
        return new Editor(user.getUsername(), user.getRole().name(),
                user.getRole() == Role.ADMIN || user.getRole() == Role.REVIEWER);
    }

    @GetMapping("/rules/review")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','REVIEWER')")
    String queue(Model model) {
        model.addAttribute("nav", "rule-review");
        model.addAttribute("waiting", service.awaitingReview());
        model.addAttribute("policies", review.policies());
        return "rules/review";
    }

    @GetMapping("/rules/{policyId}/versions")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','REVIEWER')")
    String versions(@PathVariable String policyId, Model model) {
        model.addAttribute("nav", "rule-review");
        model.addAttribute("policyId", policyId);
        model.addAttribute("versions", service.versions(policyId));
        model.addAttribute("published", service.publishedNow(policyId).orElse(null));
        return "rules/versions";
    }

    @GetMapping("/rules/{policyId}/versions/{n}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','REVIEWER')")
    String version(@PathVariable String policyId, @PathVariable int n, @AuthenticationPrincipal HuiqiUser user,
                   Model model) {
        RuleSetVersion v = service.find(policyId, n).orElseThrow(() -> notFound(policyId, n));
        model.addAttribute("nav", "rule-review");
        model.addAttribute("v", v);
        model.addAttribute("page", review.page(v, editor(user)));
        model.addAttribute("today", LocalDate.now());
        return "rules/version";
    }

    @GetMapping("/rules/{policyId}/versions/{n}/impact")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','REVIEWER')")
    String impact(@PathVariable String policyId, @PathVariable int n, Model model) {
        RuleSetVersion v = service.find(policyId, n).orElseThrow(() -> notFound(policyId, n));
        model.addAttribute("v", v);
        RuleSetReview.ImpactOutcome o = review.impact(v);
        model.addAttribute("impact", o.impact());
        model.addAttribute("impactError", o.error());
        model.addAttribute("impactComputedAt", o.computedAt());
        return "rules/impact :: impact";
    }

    @GetMapping(value = "/rules/{policyId}/versions/{n}/yaml")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','REVIEWER')")
    ResponseEntity<byte[]> yaml(@PathVariable String policyId, @PathVariable int n) {
        RuleSetVersion v = service.find(policyId, n).orElseThrow(() -> notFound(policyId, n));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline; filename=\"rules.yaml\"")
                .body(v.yaml().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/rules/{policyId}/drafts")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String save(@PathVariable String policyId, @RequestParam String yaml, @RequestParam(defaultValue = "0") int baseVersion,
                @AuthenticationPrincipal HuiqiUser user) {
        // a browser's text area sends CRLF line ends; the stored text keeps the file's LF
        String text = yaml.replace("\r\n", "\n");
        try {
            int n = service.saveDraft(policyId, text, baseVersion, editor(user));
            return "redirect:/rules/" + policyId + "/versions/" + n;
        } catch (RuleSetRefused e) {
            throw new StaleDraft(e.getMessage(), policyId, text, -1, HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/rules/{policyId}/versions/{n}/submit")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String submit(@PathVariable String policyId, @PathVariable int n, @RequestParam(required = false) LocalDate effectiveFrom,
                  @RequestParam int lockVersion, @AuthenticationPrincipal HuiqiUser user, RedirectAttributes flash) {
        return act(policyId, n, flash, "已提交审核", () -> service.submit(policyId, n, effectiveFrom, lockVersion, editor(user)));
    }

    @PostMapping("/rules/{policyId}/versions/{n}/discard")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String discard(@PathVariable String policyId, @PathVariable int n, @RequestParam int lockVersion,
                   @AuthenticationPrincipal HuiqiUser user, RedirectAttributes flash) {
        return act(policyId, n, flash, "草稿已放弃", () -> service.discard(policyId, n, lockVersion, editor(user)));
    }

    @PostMapping("/rules/{policyId}/versions/{n}/approve")
    @PreAuthorize("hasAnyRole('ADMIN','REVIEWER')")
    String approve(@PathVariable String policyId, @PathVariable int n, @RequestParam int lockVersion,
                   @AuthenticationPrincipal HuiqiUser user, RedirectAttributes flash) {
        return act(policyId, n, flash, "已审核通过并发布，规则即时生效（无需重启）",
                () -> service.approve(policyId, n, lockVersion, editor(user)));
    }

    @PostMapping("/rules/{policyId}/versions/{n}/reject")
    @PreAuthorize("hasAnyRole('ADMIN','REVIEWER')")
    String reject(@PathVariable String policyId, @PathVariable int n, @RequestParam int lockVersion,
                  @RequestParam(required = false) String comment, @AuthenticationPrincipal HuiqiUser user,
                  RedirectAttributes flash) {
        return act(policyId, n, flash, "已退回作者", () -> service.reject(policyId, n, lockVersion, comment, editor(user)));
    }

    private static String act(String policyId, int n, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        } catch (RuleSetRefused e) {
            flash.addFlashAttribute("refused", e.reasons());
        }
        return "redirect:/rules/" + policyId + "/versions/" + n;
    }

    /** Saving over a version that is no longer the newest: 409 and the user's text, to copy or save again. */
    @ExceptionHandler(StaleDraft.class)
    String stale(StaleDraft e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("nav", "rule-review");
        model.addAttribute("message", e.getMessage());
        model.addAttribute("policyId", e.policyId());
        model.addAttribute("yaml", e.yaml());
        model.addAttribute("head", e.head());
        return "rules/conflict";
    }

    @ExceptionHandler(RuleSetRefused.class)
    String refused(RuleSetRefused e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("status", 400);
        model.addAttribute("message", String.join("；", e.reasons()));
        return "error/input";
    }

    static ResponseStatusException notFound(String policyId, int n) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "规则集 " + policyId + " 第 " + n + " 版不存在");
    }
}
