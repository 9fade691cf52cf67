package huiqi.web.facts;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.enterprise.Uscc;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.enterprise.ImportUndo;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Item lists (loans, leases, …) in a POST /api/v1/facts batch: the import's checks, all or nothing with the facts. */
@PlatformTest
class FactsApiItemsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HuiqiUser ADMIN = new HuiqiUser("admin", "x", true, Role.ADMIN, "管理员", null, null);
    private static int seed = 8200;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PgEnterpriseStore store;
    @Autowired
    EnterpriseImportService imports;
    @Autowired
    ImportUndo undo;

    String a;
    String b;

    @BeforeEach
    void enterprises() {
        a = fresh();
        b = fresh();
    }

    private String fresh() {
        String code = Uscc.generate(new Random(seed++), "350102");
        jdbc.sql("insert into enterprise (uscc, name, region_code) values (?, ?, '350102') on conflict do nothing")
                .params(code, "清单上报测试企业" + code.substring(10)).update();
        return code;
    }

    private HttpResponse<String> post(String body) {
        WebSession s = WebSession.anonymous(port);
        return s.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/facts"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("gongxin:" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static String batch(String id, String facts, String lists) {
        return "{\"batchId\": \"" + id + "\"" + (facts == null ? "" : ", \"facts\": [" + facts + "]")
                + (lists == null ? "" : ", \"lists\": [" + lists + "]") + "}";
    }

    private static String list(String uscc, String kind, String... items) {
        return "{\"uscc\": \"" + uscc + "\", \"kind\": \"" + kind + "\", \"items\": [" + String.join(",", items) + "]}";
    }

    private static String fact(String uscc) {
        return "{\"uscc\": \"" + uscc + "\", \"indicator\": \"electricity_kwh\", \"period\": \"2024-02\", \"value\": \"52万千瓦时\"}";
    }

    private List<String> loanIds(String uscc) {
        return jdbc.sql("select item_id from enterprise_item where uscc = ? and kind = 'loans' order by ord")
                .param(uscc).query(String.class).list();
    }

    private long rows(String table, String uscc) {
        return jdbc.sql("select count(*) from " + table + " where uscc = ?").param(uscc).query(Long.class).single();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void listsAreStoredWithTheFactsAndReplaceTheStoredList() {
        String id = "银行-" + a + "-1";
        var r = post(batch(id, fact(a), list(a, "loans",
                "{\"id\": \"L1\", \"start\": \"2023-03-01\", \"balance\": \"500万元\", \"rate\": \"3.45%\"}",
                "{\"贷款编号\": \"L2\", \"贷款余额\": 2000000, \"lender\": \"某银行\", \"end\": null}")
                + "," + list(b, "租赁合同", "{\"id\": \"Z1\", \"monthly_rent\": \"1.2万元\", \"state_owned_lessor\": true}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("facts").asInt()).isEqualTo(1);
        assertThat(json(r).get("lists").asInt()).isEqualTo(2);
        assertThat(json(r).get("enterprises").asInt()).isEqualTo(2);
        assertThat(json(r).get("message").asString()).contains("2 份清单（3 项");
        var loans = store.record(a).orElseThrow().facts().items("loans");
        assertThat(loans).extracting(i -> i.id()).containsExactly("L1", "L2");
        assertThat((BigDecimal) loans.get(0).get("balance")).isEqualByComparingTo("5000000");
        assertThat((BigDecimal) loans.get(0).get("rate")).isEqualByComparingTo("0.0345");
        assertThat((BigDecimal) loans.get(1).get("balance")).isEqualByComparingTo("2000000");
        assertThat(loans.get(1).get("end")).isNull();
        var leases = store.record(b).orElseThrow().facts().items("leases");
        assertThat(leases).extracting(i -> i.id()).containsExactly("Z1");
        assertThat(leases.get(0).get("state_owned_lessor")).isEqualTo(true);
        assertThat(jdbc.sql("select batch_id from enterprise_item_list where uscc = ? and kind = 'loans'").param(a)
                .query(String.class).single()).isEqualTo(id);

        // a later batch's list of the same kind replaces the list whole; an empty list clears it
        var second = post(batch("银行-" + a + "-2", null, list(a, "loans", "{\"id\": \"L3\", \"balance\": \"1万元\"}")));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(loanIds(a)).containsExactly("L3");
        var third = post(batch("银行-" + a + "-3", null, list(a, "loans")));
        assertThat(third.statusCode()).as(third.body()).isEqualTo(201);
        assertThat(loanIds(a)).isEmpty();
        assertThat(store.record(a).orElseThrow().facts().hasItems("loans")).isTrue(); // known to have none
    }

    @Test
    void everyBadListEntryIsReportedWithItsPathAndNothingIsStored() {
        String badCheck = a.substring(0, 17) + (a.charAt(17) == '0' ? '1' : '0');
        String id = "银行-bad-" + a;
        var r = post(batch(id, fact(a) + "," + fact(b), String.join(",",
                list(a, "loans",
                        "{\"id\": \"L1\", \"balance\": \"500万元\"}",
                        "{\"id\": \"L1\", \"balance\": \"1万元\"}",                 // duplicate id
                        "{\"id\": \"L3\", \"balance\": \"52万千瓦时\"}",            // wrong unit
                        "{\"id\": \"L4\", \"colour\": \"红\"}",                    // unknown field
                        "{\"id\": \"L5\", \"start\": \"2023-02-30\"}"),             // not a date
                list(badCheck, "loans", "{\"id\": \"L1\"}", "{\"id\": \"L2\"}"), // invalid USCC, reported once
                list(b, "spaceships", "{\"id\": \"S1\"}"),                       // unknown list
                list(a, "贷款", "{\"id\": \"L9\"}"))));                            // the same list twice
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        List<String> paths = new ArrayList<>();
        json(r).get("problems").forEach(p -> paths.add(p.get("path").asString()));
        assertThat(paths).containsExactly("lists[0].items[1].id", "lists[0].items[2].balance",
                "lists[0].items[3].colour", "lists[0].items[4].start", "lists[1].uscc", "lists[2].kind", "lists[3].kind");
        JsonNode problems = json(r).get("problems");
        assertThat(problems.get(0).get("reason").asString()).contains("L1").contains("lists[0].items[0]");
        assertThat(problems.get(1).get("reason").asString()).contains("元");
        assertThat(problems.get(2).get("reason").asString()).contains("没有字段 'colour'");
        assertThat(problems.get(5).get("reason").asString()).contains("未知清单 'spaceships'");
        assertThat(problems.get(6).get("reason").asString()).contains("lists[0]");
        assertThat(rows("enterprise_fact", a) + rows("enterprise_fact", b)).isZero();
        assertThat(rows("enterprise_item_list", a) + rows("enterprise_item_list", b)).isZero();
        assertThat(jdbc.sql("select count(*) from fact_batch where batch_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aBadFactRejectsTheListsToo() {
        String bad = "{\"uscc\": \"" + a + "\", \"indicator\": \"no_such_indicator\", \"period\": \"2024-02\", \"value\": 1}";
        var r = post(batch("银行-fact-" + a, bad, list(a, "loans", "{\"id\": \"L1\", \"balance\": \"500万元\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(json(r).get("problems").get(0).get("path").asString()).isEqualTo("facts[0].indicator");
        assertThat(rows("enterprise_item_list", a)).isZero();
    }

    @Test
    void structuralProblemsOfListsAre400() {
        var noItems = post("{\"batchId\": \"x-" + a + "\", \"lists\": [{\"uscc\": \"" + a + "\", \"kind\": \"loans\", \"items\": {}}]}");
        assertThat(noItems.statusCode()).as(noItems.body()).isEqualTo(400);
        assertThat(json(noItems).get("problems").get(0).get("path").asString()).isEqualTo("lists[0].items");
        var nothing = post("{\"batchId\": \"y-" + a + "\", \"lists\": []}");
        assertThat(nothing.statusCode()).as(nothing.body()).isEqualTo(400);
        var badValue = post(batch("z-" + a, null, list(a, "loans", "{\"id\": \"L1\", \"balance\": [1]}")));
        assertThat(badValue.statusCode()).as(badValue.body()).isEqualTo(400);
        assertThat(json(badValue).get("problems").get(0).get("path").asString()).isEqualTo("lists[0].items[0].balance");
    }

    @Test
    void theIdempotencyHashCoversTheLists() {
        String id = "银行-hash-" + a;
        String first = batch(id, fact(a), list(a, "loans", "{\"id\": \"L1\", \"balance\": \"500万元\"}"));
        assertThat(post(first).statusCode()).isEqualTo(201);
        var again = post(first);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("alreadyApplied").asBoolean()).isTrue();
        assertThat(json(again).get("lists").asInt()).isEqualTo(1);
        var other = post(batch(id, fact(a), list(a, "loans", "{\"id\": \"L1\", \"balance\": \"600万元\"}")));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
        assertThat((BigDecimal) store.record(a).orElseThrow().facts().items("loans").get(0).get("balance"))
                .isEqualByComparingTo("5000000");
    }

    /** Fact batches are not undoable; a list a batch replaced keeps the import that set it from being undone. */
    @Test
    void aBatchThatReplacedAnImportedListBlocksTheImportsUndo() {
        var imported = imports.importUploads(List.of(new MockMultipartFile("files", "贷款.csv", "text/csv",
                ("统一社会信用代码,清单,编号,贷款余额\n" + a + ",贷款,L001,100万元\n").getBytes(StandardCharsets.UTF_8))), ADMIN);
        assertThat(imported.problems()).isEmpty();
        assertThat(undo.plan(imported.importId(), ADMIN).allowed()).isTrue();
        var r = post(batch("银行-undo-" + a, null, list(a, "loans", "{\"id\": \"L002\", \"balance\": \"1万元\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(undo.plan(imported.importId(), ADMIN).blockers())
                .anySatisfy(s -> assertThat(s).contains("事实数据上报批次「银行-undo-" + a + "」").contains("1 份清单"));
    }
}
