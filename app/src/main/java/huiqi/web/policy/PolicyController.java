package huiqi.web.policy;

import huiqi.org.Government;
import huiqi.org.OrgUnit;
import huiqi.web.organisation.DocumentMentions;
import huiqi.web.security.HuiqiUser;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final DocumentMentions mentions;
    private final PolicyDrafts drafts;

    PolicyController(PolicyStore store, PolicyRules rules, DocumentMentions mentions, PolicyDrafts drafts) {
        this.store = store;
        this.rules = rules;
        this.mentions = mentions;
        this.drafts = drafts;
    }

    @GetMapping("/policies")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String list(PolicyFilter filter, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("filter", filter);
        // validity is decided here (a document without an end date may have ended with its rules), so the
        // validity filter applies after the search
        PolicyFilter unfiltered = new PolicyFilter(filter.q(), filter.docNumber(), filter.unit(), filter.region(),
                filter.level(), "");
        LocalDate today = LocalDate.now();
        Map<String, DocumentValidity> validity = new HashMap<>();
        List<PolicyStore.DocumentSummary> documents = store.search(unfiltered).stream().filter(d -> {
            DocumentValidity v = DocumentValidity.of(d.effectiveUntil(), rules.rulesValidUntil(d.id()), today);
            validity.put(d.id(), v);
            return filter.validity().isEmpty() || ("valid".equals(filter.validity()) == v.valid());
        }).toList();
        model.addAttribute("documents", documents);
        model.addAttribute("validity", validity);
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
        model.addAttribute("validity", DocumentValidity.of(d.effectiveUntil(), rules.rulesValidUntil(d.id()), LocalDate.now()));
        model.addAttribute("stored", stored);
        model.addAttribute("myUnit", user.getUnit());
        model.addAttribute("rules", encoded);
        model.addAttribute("drafts", drafts.draftsOf(id));
        model.addAttribute("segments", TextSegments.mark(d.sourceText(),
                encoded.stream().map(PolicyRules.RuleView::quote).toList()));
        Government issuer = issuer(d);
        var resolved = mentions.all(issuer, d.measures().stream()
                .flatMap(m -> java.util.stream.Stream.of(m.leadUnits(), m.responsibleUnits(), m.inheritedUnits()))
                .flatMap(List::stream).toList()).values();
        var directory = mentions.directory();
        model.addAttribute("unitMentions", resolved.stream().map(r -> new MentionView(r.mention(), r.resolved(),
                r.unitIds().stream().map(u -> directory.byId(u).map(OrgUnit::name).orElse(u)).toList(),
                r.reason())).toList());
        model.addAttribute("mappableUnits", issuer == null ? List.of() : mappable(issuer, directory));
        return "policies/detail";
    }

    /** A unit mention of the document and what it resolved to (unit names), or why not. */
    record MentionView(String mention, boolean resolved, List<String> units, String reason) {
    }

    private static Government issuer(DocumentDraft d) {
        return d.region() == null ? null : DocumentMentions.issuer(d.region().code(), d.region().name(), d.level());
    }

    /** Units an unresolved mention may be mapped to: the issuing government's, then those of the governments above. */
    private static List<OrgUnit> mappable(Government issuer, huiqi.org.UnitDirectory directory) {
        List<OrgUnit> out = new java.util.ArrayList<>();
        for (Government g = issuer; g != null; g = g.parent().orElse(null)) {
            out.addAll(directory.in(g));
        }
        return out;
    }

    /** 单位映射: an officer maps an unresolved mention to a directory unit; the mention becomes its alias (audited). */
    @PostMapping("/policies/{id}/units")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String mapUnit(@PathVariable String id, @RequestParam String mention, @RequestParam String unitId,
                   @AuthenticationPrincipal HuiqiUser user, RedirectAttributes redirect) {
        PolicyStore.StoredDocument stored = store.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "政策文件不存在"));
        Optional<String> problem;
        try {
            problem = mentions.map(issuer(stored.document()), mention, unitId, user.getUsername());
        } catch (DocumentMentions.MappingRefused e) {
            problem = Optional.of(e.getMessage());
        }
        if (problem.isPresent()) {
            redirect.addFlashAttribute("unitProblem", problem.get());
        } else {
            redirect.addFlashAttribute("unitMessage", "已将“" + mention + "”映射为目录单位（记为该单位的别名）");
        }
        return "redirect:/policies/" + id + "#units";
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
