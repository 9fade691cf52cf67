package huiqi.web.enterprise;

import huiqi.enterprise.Enterprise;
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

/** /api/v1/enterprises: 一企一档 for other systems; an enterprise account sees only itself. */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "企业", description = "一企一档：企业档案与指标数据")
class EnterpriseApiController {
    private final EnterpriseQueries queries;
    private final PgEnterpriseStore store;

    EnterpriseApiController(EnterpriseQueries queries, PgEnterpriseStore store) {
        this.queries = queries;
        this.store = store;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Operation(summary = "检索企业（分页，每页 50）", description = "q 名称或统一社会信用代码前缀、region 行政区划代码前缀、industry 行业代码前缀、size 规模")
    EnterpriseQueries.Page list(EnterpriseFilter filter, @RequestParam(defaultValue = "1") int page) {
        return queries.search(filter, Math.max(1, page));
    }

    public record Profile(Enterprise profile, List<EnterpriseQueries.FactRow> facts) {
    }

    @GetMapping("/{uscc}")
    @PreAuthorize("@access.canSee(authentication, #uscc)")
    @Operation(summary = "一户企业的档案与全部指标数据（含来源）")
    Profile get(@PathVariable String uscc) {
        Enterprise e = store.profile(uscc)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "企业不存在"));
        return new Profile(e, queries.facts(uscc));
    }
}
