package huiqi.web.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** /api/v1/documents and /api/v1/measures: the policy library for other systems (officers and admins). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "政策库", description = "政策文件、措施、责任单位")
class PolicyApiController {
    private final PolicyStore store;

    PolicyApiController(PolicyStore store) {
        this.store = store;
    }

    @GetMapping("/documents")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "检索政策文件", description = "参数同政策库页面：q 关键词、docNumber 文号、unit 责任单位、region 地区、level 层级、validity=valid|expired")
    List<PolicyStore.DocumentSummary> documents(PolicyFilter filter) {
        return store.search(filter);
    }

    @GetMapping("/documents/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "一件政策文件：元数据、章节、措施（单位、目标、金额）与原文")
    DocumentDraft document(@PathVariable String id) {
        return store.find(id).map(PolicyStore.StoredDocument::document)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "政策文件不存在"));
    }

    @GetMapping("/documents/{id}/measures")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "一件政策文件的措施")
    List<DocumentDraft.Measure> measures(@PathVariable String id) {
        if (!store.exists(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "政策文件不存在");
        }
        return store.measures(id);
    }

    @GetMapping("/measures")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "某单位承担的措施（牵头、责任或统一落实）")
    List<PolicyStore.UnitMeasure> measuresOfUnit(@RequestParam String unit) {
        return store.measuresOfUnit(unit.strip());
    }
}
