package huiqi.web.policy;

import huiqi.web.security.HuiqiUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** 政策库 (search and filters) and 文件详情 (outline, measure cards, rules, the text with quoted clauses marked). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
class PolicyController {
    private final PolicyStore store;
    private final PolicyRules rules;

    PolicyController(PolicyStore store, PolicyRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @GetMapping("/policies")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String list(PolicyFilter filter, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("filter", filter);
        model.addAttribute("documents", store.search(filter));
        model.addAttribute("levels", store.levels());
        model.addAttribute("units", store.units());
        return htmx != null ? "policies/list :: results" : "policies/list";
    }

    @GetMapping("/policies/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String detail(@PathVariable String id, @AuthenticationPrincipal HuiqiUser user, Model model) {
        PolicyStore.StoredDocument stored = store.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "政策文件不存在"));
        DocumentDraft d = stored.document();
        List<PolicyRules.RuleView> encoded = rules.rulesOf(d);
        model.addAttribute("doc", d);
        model.addAttribute("stored", stored);
        model.addAttribute("myUnit", user.getUnit());
        model.addAttribute("rules", encoded);
        model.addAttribute("segments", TextSegments.mark(d.sourceText(),
                encoded.stream().map(PolicyRules.RuleView::quote).toList()));
        return "policies/detail";
    }

    @GetMapping("/policies/{id}/source")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    ResponseEntity<byte[]> source(@PathVariable String id) {
        PolicyStore.StoredDocument stored = store.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "政策文件不存在"));
        byte[] file = store.sourceFile(id).orElse(stored.document().sourceText().getBytes(StandardCharsets.UTF_8));
        String name = stored.sourceFileName() == null ? id + ".txt" : stored.sourceFileName();
        MediaType type = name.endsWith(".txt") ? new MediaType("text", "plain", StandardCharsets.UTF_8)
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(file);
    }
}
