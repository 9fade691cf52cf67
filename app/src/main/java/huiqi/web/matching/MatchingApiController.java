package huiqi.web.matching;

import huiqi.enterprise.EnterpriseJson;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.ResultJson;
import huiqi.web.enterprise.PgEnterpriseStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evaluation over the API: POST an enterprise in the eval JSON format (docs/formats.md) and get every rule's
 * result, or ask for a stored enterprise's 一企一策. The output is `./huiqi eval`'s JSON.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "匹配", description = "一企一策：对一户企业评估全部规则")
class MatchingApiController {
    private static final int MAX_BODY = 2_000_000;

    private final RuleMatching matching;
    private final PgEnterpriseStore store;
    private final IndicatorCatalog catalog;

    MatchingApiController(RuleMatching matching, PgEnterpriseStore store, IndicatorCatalog catalog) {
        this.matching = matching;
        this.store = store;
        this.catalog = catalog;
    }

    @PostMapping(value = "/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "评估一户企业（请求体为 eval 格式的企业 JSON：{profile, facts}）")
    ResponseEntity<String> evaluate(@RequestBody String json) {
        if (json.length() > MAX_BODY) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大");
        }
        EnterpriseRecord record;
        try {
            record = EnterpriseJson.parse(json, "请求体", catalog);
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return ResponseEntity.ok(ResultJson.write(matching.evaluate(record), catalog));
    }

    @GetMapping(value = "/enterprises/{uscc}/evaluation", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("@access.canSee(authentication, #uscc)")
    @Operation(summary = "库中一户企业的一企一策（全部规则的结果、金额、解释、缺失数据、近似命中）")
    ResponseEntity<String> evaluation(@PathVariable String uscc) {
        EnterpriseRecord record = store.record(uscc)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "企业不存在"));
        return ResponseEntity.ok(ResultJson.write(matching.evaluate(record), catalog));
    }
}
