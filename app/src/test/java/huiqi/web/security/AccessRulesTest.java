package huiqi.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint of the platform states who may call it, and nothing but the login page is open. */
@PlatformTest
class AccessRulesTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    private List<Map.Entry<RequestMappingInfo, HandlerMethod>> ours() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().startsWith("huiqi."))
                .toList();
    }

    @Test
    void everyControllerMethodHasAnExplicitRoleRule() {
        List<String> missing = new ArrayList<>();
        for (var e : ours()) {
            HandlerMethod h = e.getValue();
            boolean onMethod = AnnotatedElementUtils.hasAnnotation(h.getMethod(), PreAuthorize.class);
            if (!onMethod) {
                missing.add(h.getBeanType().getSimpleName() + "." + h.getMethod().getName() + " " + e.getKey());
            }
        }
        assertThat(ours()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(missing).as("controller methods without @PreAuthorize").isEmpty();
    }

    @Test
    void importPagesAreForOfficersOnly() {
        // 数据导入 with its history and undo (#19 item 7): every mapping of ImportController with its rule
        String officers = "hasAnyRole('ADMIN','OFFICER')";
        Map<String, String> expected = new java.util.TreeMap<>(Map.of(
                "GET /imports", officers,
                "POST /imports", officers,
                "GET /imports/{id}", officers,
                "GET /imports/{id}/problems.xlsx", officers,
                "POST /imports/{id}/undo", officers,
                "GET /imports/reports/{token}.xlsx", officers,
                "GET /imports/templates/{kind}.xlsx", officers));
        Map<String, String> actual = new java.util.TreeMap<>();
        for (var e : ours()) {
            if (!e.getValue().getBeanType().getSimpleName().equals("ImportController")) {
                continue;
            }
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(e.getValue().getMethod(), PreAuthorize.class);
            for (String pattern : e.getKey().getPatternValues()) {
                for (var m : e.getKey().getMethodsCondition().getMethods()) {
                    actual.put(m.name() + " " + pattern, rule == null ? "" : rule.value());
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void batchRunEndpointsAreForOfficersOnly() {
        // 批量免申即享 (huiqi.web.batch): every mapping listed with its rule, so a new one must be added here
        String officers = "hasAnyRole('ADMIN','OFFICER')";
        Map<String, String> expected = new java.util.TreeMap<>(Map.of(
                "GET /batch-runs", officers,
                "POST /batch-runs", officers,
                "GET /batch-runs/{id}", officers,
                "GET /batch-runs/{id}/progress", officers,
                "GET /batch-runs/{id}/results", officers,
                "GET /batch-runs/{id}/export.xlsx", officers,
                "POST /api/v1/batch-runs", officers,
                "GET /api/v1/batch-runs", officers,
                "GET /api/v1/batch-runs/{id}", officers,
                "GET /api/v1/batch-runs/{id}/results", officers));
        Map<String, String> actual = new java.util.TreeMap<>();
        for (var e : ours()) {
            if (!e.getValue().getBeanType().getPackageName().equals("huiqi.web.batch")) {
                continue;
            }
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(e.getValue().getMethod(), PreAuthorize.class);
            for (String pattern : e.getKey().getPatternValues()) {
                for (var m : e.getKey().getMethodsCondition().getMethods()) {
                    actual.put(m.name() + " " + pattern, rule == null ? "" : rule.value());
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void dataEndpointsKeepTheirRules() {
        // endpoints that write data from other systems: named here so a changed rule is a deliberate change
        Map<String, String> expected = Map.of("POST /api/v1/facts", "hasAnyRole('ADMIN','OFFICER')");
        Map<String, String> actual = new java.util.HashMap<>();
        for (var e : ours()) {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(e.getValue().getMethod(), PreAuthorize.class);
            for (String pattern : e.getKey().getPatternValues()) {
                e.getKey().getMethodsCondition().getMethods()
                        .forEach(m -> actual.put(m.name() + " " + pattern, rule == null ? "" : rule.value()));
            }
        }
        expected.forEach((mapping, rule) -> assertThat(actual).as(mapping).containsEntry(mapping, rule));
    }

    @Test
    void onlyTheLoginPageIsOpenToAnonymousUsers() {
        WebSession anonymous = WebSession.anonymous(port);
        List<String> open = new ArrayList<>();
        for (var e : ours()) {
            for (String pattern : e.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "91350100MA2XXXXX0X");
                var methods = e.getKey().getMethodsCondition().getMethods();
                String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
                HttpResponse<String> r = anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.base() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build());
                boolean refused = r.statusCode() == 401 || r.statusCode() == 403
                        || (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").endsWith("/login"));
                // 政策计算器 is for visitors without an account (#19 item 10): it stores and reveals nothing
                if (!refused && !path.equals("/login") && !path.equals("/calculator")) {
                    open.add(method + " " + path + " → " + r.statusCode());
                }
            }
        }
        assertThat(open).as("endpoints reachable without login").isEmpty();
    }

    @Test
    void enterpriseAccountsAreRefusedOnEveryOfficerEndpoint() {
        // Enterprise accounts may only call methods whose rule names the enterprise role or checks @access.
        List<String> leaks = new ArrayList<>();
        for (var e : ours()) {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(e.getValue().getMethod(), PreAuthorize.class);
            String expr = rule == null ? "" : rule.value();
            boolean forEnterprise = expr.contains("ENTERPRISE") || expr.contains("@access") || expr.equals("permitAll()")
                    || expr.equals("isAuthenticated()");
            boolean staffOnly = expr.contains("hasAnyRole('ADMIN','OFFICER')") || expr.contains("hasAnyRole('ADMIN','OFFICER','FINANCE')")
                    || expr.contains("hasRole('ADMIN')")
                    // 政策审核 (REVIEWER) is staff too: rule-set versions and their review
                    || expr.contains("hasAnyRole('ADMIN','OFFICER','REVIEWER')") || expr.contains("hasAnyRole('ADMIN','REVIEWER')");
            if (!forEnterprise && !staffOnly) {
                leaks.add(e.getKey() + " " + expr);
            }
        }
        assertThat(leaks).as("rules that are neither officer-only nor deliberately open to enterprises").isEmpty();
    }
}
