package huiqi.web.rules;

import huiqi.web.rules.RuleViews.RuleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** /api/v1/rules: the encoded measures with their quoted clause, parameters (dated, with sources) and tests. */
@RestController
@RequestMapping("/api/v1/rules")
@Tag(name = "规则", description = "已编码的措施：引用条款、参数、兑现方式、付款方")
class RulesApiController {
    private final RuleBook book;

    RulesApiController(RuleBook book) {
        this.book = book;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "全部已编码规则")
    List<RuleView> list() {
        return RuleViews.of(book.rules());
    }

    @GetMapping("/{docId}/{measurePart}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "一条规则（id 形如 fz-2024-2/7）")
    RuleView get(@PathVariable String docId, @PathVariable String measurePart) {
        return book.rule(docId + "/" + measurePart).map(RuleViews::view)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "规则不存在"));
    }
}
