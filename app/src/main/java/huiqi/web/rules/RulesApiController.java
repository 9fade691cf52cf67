package huiqi.web.rules;

import huiqi.rules.file.Parameter;
import huiqi.rules.file.Payer;
import huiqi.rules.file.Rule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    record ParameterView(String name, String label, String unit, Map<LocalDate, BigDecimal> values, String source) {
    }

    record RuleView(String id, String docId, String document, int measure, String title, String quote, String kind,
                    String delivery, List<String> payers, String valid, String amount, String cap,
                    List<ParameterView> parameters, int tests) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "全部已编码规则")
    List<RuleView> list() {
        return book.rules().stream().map(RulesApiController::view).toList();
    }

    @GetMapping("/{docId}/{measurePart}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "一条规则（id 形如 fz-2024-2/7）")
    RuleView get(@PathVariable String docId, @PathVariable String measurePart) {
        return book.rule(docId + "/" + measurePart).map(RulesApiController::view)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "规则不存在"));
    }

    static RuleView view(Rule r) {
        return new RuleView(r.id(), r.docId(), r.document(), r.measure(), r.title(), r.quote(), r.kind().name(),
                r.delivery().name(), r.payers().stream().map(Payer::label).toList(),
                r.valid() == null ? null : r.valid().toString(), r.amountText(), r.capText(),
                r.parameters().values().stream().map(RulesApiController::parameter).toList(), r.tests().size());
    }

    private static ParameterView parameter(Parameter p) {
        return new ParameterView(p.qualifiedName(), p.label(), p.unit().describe(), p.values(), p.source());
    }
}
