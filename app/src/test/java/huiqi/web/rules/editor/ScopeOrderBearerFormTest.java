package huiqi.web.rules.editor;

import static huiqi.web.rules.editor.EditorFixtures.YAML;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * #17 editor fields: the document scope block, an item loop's {@code order by} and {@code borne_by}, on the real files
 * that use them (hs-2023-5 房租减免 with scope and borne_by; xs-2023-13 with ordered loans). Each edit read → changed in the
 * form → written back changes exactly its characters; the file still loads and its example tests still pass where the
 * change keeps their meaning; wrong input is refused in Chinese at its field.
 */
class ScopeOrderBearerFormTest {
    private static final String HS = "hs-2023-5";
    private static final String RELIEF = "hs-2023-5/5-1";
    private static final String XS = "xs-2023-13";
    private final RuleEditing editing = EditorFixtures.editing();

    private static String read(String policy) throws IOException {
        return Files.readString(EditorFixtures.policies().resolve(policy).resolve("rules.yaml"));
    }

    private static void onlyReplaced(String before, String after, String oldPiece, String newPiece) {
        assertThat(before).contains(oldPiece);
        assertThat(after).isEqualTo(before.replace(oldPiece, newPiece));
    }

    private RuleCheck check(String policy, String yaml) throws IOException {
        return editing.check(policy, yaml, Files.readString(EditorFixtures.policies().resolve(policy).resolve("source.txt")));
    }

    @Test
    void theFormShowsTheScopeTheLoopOrderAndTheBearer() throws IOException {
        RuleSetForm hs = editing.form(read(HS), Map.of());
        assertThat(hs.scope().present()).isTrue();
        assertThat(hs.scope().lets()).extracting(RuleSetForm.Expression::name).containsExactly("leases_2023");
        assertThat(hs.scope().conditions()).extracting(RuleSetForm.Expression::key)
                .containsExactly("eligible:scope:0", "eligible:scope:1");
        RuleSetForm.RuleForm relief = hs.rules().stream().filter(r -> r.id().equals(RELIEF)).findFirst().orElseThrow();
        assertThat(relief.borneField()).isEqualTo("lessor");
        assertThat(relief.borneVerb()).isEqualTo("减免");
        assertThat(relief.amount().loops()).containsExactly(new RuleSetForm.Loop(0, "l", "leases", "", false));

        RuleSetForm xs = editing.form(read(XS), Map.of());
        assertThat(xs.rules().stream().flatMap(r -> r.lets().stream()).flatMap(x -> x.loops().stream()))
                .contains(new RuleSetForm.Loop(0, "l", "loans", "l.start", true));
        assertThat(editing.form(YAML, Map.of()).scope().present()).isFalse();
    }

    @Test
    void aScopeConditionIsEditedInPlaceAndTheFileStillLoads() throws IOException {
        String before = read(HS);
        String after = YamlEditor.apply(before, new FormEdit.Expression(RuleYaml.SCOPE, "eligible", 1, null, "leases_2023 >= 2项"));
        onlyReplaced(before, after, "{ expr: leases_2023 >= 1项, label: 2023年承租市出资企业的房屋 }",
                "{ expr: leases_2023 >= 2项, label: 2023年承租市出资企业的房屋 }");
        assertThat(check(HS, after).loads()).isTrue();
        // the reviewer sees it once, for the whole document, not once per rule
        assertThat(diff(HS, before, after)).containsExactly(new huiqi.web.rulesets.RuleSetDiff.Change("全文件", "适用范围 条件 2",
                "2023年承租市出资企业的房屋：leases_2023 >= 1项", "2023年承租市出资企业的房屋：leases_2023 >= 2项"));
    }

    private java.util.List<huiqi.web.rulesets.RuleSetDiff.Change> diff(String policy, String before, String after) throws IOException {
        String source = Files.readString(EditorFixtures.policies().resolve(policy).resolve("source.txt"));
        RuleTextLoader loader = new RuleTextLoader(EditorFixtures.CATALOG);
        return huiqi.web.rulesets.RuleSetDiff.of(loader.load(policy, before, source).file(), loader.load(policy, after, source).file());
    }

    @Test
    void theFirstSharedConditionOrValueWritesTheScopeAboveTheRules() {
        String condition = YamlEditor.apply(YAML, new FormEdit.NewCondition(RuleYaml.SCOPE, "above_scale_industrial", "规上工业企业"));
        String block = "scope:\n  eligible:\n    - { expr: above_scale_industrial, label: 规上工业企业 }\n\n";
        assertThat(condition).contains(block + "rules:\n");
        assertThat(condition.replace(block, "")).isEqualTo(YAML);
        RuleCheck c = editing.check(EditorFixtures.POLICY, condition, EditorFixtures.SOURCE);
        assertThat(c.loads()).isTrue();
        assertThat(editing.form(condition, Map.of()).scope().conditions()).extracting(RuleSetForm.Expression::expr)
                .containsExactly("above_scale_industrial");

        String second = YamlEditor.apply(condition, new FormEdit.NewCondition(RuleYaml.SCOPE, "region_code != \"\"", null));
        assertThat(second).contains(block.strip() + "\n    - { expr: ").contains(" }\n\nrules:\n");
        assertThat(editing.form(second, Map.of()).scope().conditions()).extracting(RuleSetForm.Expression::expr)
                .containsExactly("above_scale_industrial", "region_code != \"\"");

        String let = YamlEditor.apply(YAML, new FormEdit.NewLet(RuleYaml.SCOPE, "feb", "electricity_kwh[2024-02]", "2月用电量"));
        String letBlock = "scope:\n  let:\n    feb: { expr: \"electricity_kwh[2024-02]\", label: 2月用电量 }\n\n";
        assertThat(let.replace(letBlock, "")).isEqualTo(YAML);
        assertThat(editing.check(EditorFixtures.POLICY, let, EditorFixtures.SOURCE).loads()).isTrue();
    }

    @Test
    void aLoopsOrderChangesOnlyItsOrderClause() throws IOException {
        String before = read(XS);
        String asc = YamlEditor.apply(before, orderOf(before, "l.start", "asc"));
        onlyReplaced(before, asc, "for l in loans order by l.start desc where", "for l in loans order by l.start where");
        String byAmount = YamlEditor.apply(before, orderOf(before, "l.amount", "desc"));
        onlyReplaced(before, byAmount, "for l in loans order by l.start desc where", "for l in loans order by l.amount desc where");
        assertThat(check(XS, byAmount).loads()).isTrue();
        assertThat(diff(XS, before, byAmount)).anySatisfy(ch -> {
            assertThat(ch.what()).isEqualTo("中间值 新增量贷款2022年实际支付利息（interest）");
            assertThat(ch.before()).contains("order by l.start desc");
            assertThat(ch.after()).contains("order by l.amount desc");
        });

        String none = YamlEditor.apply(before, orderOf(before, "", "asc"));
        onlyReplaced(before, none, "for l in loans order by l.start desc where", "for l in loans where");
        RuleCheck unordered = check(XS, none);
        assertThat(unordered.loads()).isFalse(); // sum_before needs an order: the checker says so at the expression
        assertThat(unordered.problems()).anyMatch(p -> p.field() != null && p.field().startsWith("let:" + ruleOf(before) + ":"));
    }

    @Test
    void anOrderIsAddedToAnUnorderedLoopInsideABlockScalarAndWrongKeysAreRefused() throws IOException {
        String before = read(HS);
        String after = YamlEditor.apply(before, new FormEdit.LoopOrder(RELIEF, "amount", -1, null, 0, "l.start", "desc"));
        onlyReplaced(before, after, "      sum(for l in leases where l.city_invested_lessor",
                "      sum(for l in leases order by l.start desc where l.city_invested_lessor");
        RuleCheck c = check(HS, after);
        assertThat(c.loads()).isFalse(); // borne_by refuses an ordered loop: shown at the rule's fields
        assertThat(c.problems()).anyMatch(p -> p.message().contains("order by"));

        assertThatThrownBy(() -> YamlEditor.apply(before, new FormEdit.LoopOrder(RELIEF, "amount", -1, null, 0, "start", "asc")))
                .isInstanceOf(EditRefused.class).hasMessageContaining("排序键应读本项的字段，如 l.start");
        assertThatThrownBy(() -> YamlEditor.apply(before, new FormEdit.LoopOrder(RELIEF, "amount", -1, null, 0, "l.start", "倒序")))
                .isInstanceOf(EditRefused.class).hasMessage("排序方向应为升序或降序");
        assertThatThrownBy(() -> YamlEditor.apply(before, new FormEdit.LoopOrder(RELIEF, "amount", -1, null, 1, "l.start", "asc")))
                .isInstanceOf(EditRefused.class).hasMessage("表达式中没有第 2 个逐项循环");
        assertThat(FormEdits.fieldOf(new FormEdit.LoopOrder(RELIEF, "amount", -1, null, 0, "x", "asc"))).isEqualTo("amount:" + RELIEF);
    }

    @Test
    void theBearerIsEditedRemovedAndAddedBackBesideThePayer() throws IOException {
        String before = read(HS);
        String verb = YamlEditor.apply(before, new FormEdit.RuleField(RELIEF, "borne_by.verb", "承担"));
        onlyReplaced(before, verb, "borne_by: { field: lessor, verb: 减免 }", "borne_by: { field: lessor, verb: 承担 }");
        assertThat(check(HS, verb).loads()).isTrue();
        assertThat(diff(HS, before, verb)).containsExactly(new huiqi.web.rulesets.RuleSetDiff.Change("规则 " + RELIEF, "逐项承担",
                "leases 各项由出租方（lessor）减免", "leases 各项由出租方（lessor）承担"));

        String removed = YamlEditor.apply(before, new FormEdit.RuleField(RELIEF, "borne_by.field", ""));
        onlyReplaced(before, removed, "    borne_by: { field: lessor, verb: 减免 }\n", "");
        String added = YamlEditor.apply(removed, new FormEdit.RuleField(RELIEF, "borne_by.field", "lessor"));
        onlyReplaced(before, added, "    borne_by: { field: lessor, verb: 减免 }\n", "    borne_by: { field: lessor }\n");
        assertThat(check(HS, added).loads()).isTrue();

        String unknown = YamlEditor.apply(before, new FormEdit.RuleField(RELIEF, "borne_by.field", "landlord"));
        RuleCheck c = check(HS, unknown);
        assertThat(c.loads()).isFalse();
        assertThat(c.problems()).anyMatch(p -> ("borne_by:" + RELIEF).equals(p.field()));

        assertThatThrownBy(() -> YamlEditor.apply(before, new FormEdit.RuleField(RELIEF, "borne_by.field", "出租方")))
                .isInstanceOf(EditRefused.class).hasMessageContaining("如 lessor");
        assertThatThrownBy(() -> YamlEditor.apply(before, new FormEdit.RuleField(RELIEF, "borne_by.verb", "bear")))
                .isInstanceOf(EditRefused.class).hasMessageContaining("一至六个汉字");
        assertThatThrownBy(() -> YamlEditor.apply(removed, new FormEdit.RuleField(RELIEF, "borne_by.verb", "减免")))
                .isInstanceOf(EditRefused.class).hasMessage("请先填写承担方字段（如 lessor），再写动作");
        assertThat(FormEdits.fieldOf(new FormEdit.RuleField(RELIEF, "borne_by.verb", "x"))).isEqualTo("borne_by:" + RELIEF);
    }

    private static FormEdit.LoopOrder orderOf(String text, String key, String direction) {
        return new FormEdit.LoopOrder(ruleOf(text), "let", -1, "interest", 0, key, direction);
    }

    /** The xs rule whose let {@code interest} holds the ordered loop. */
    private static String ruleOf(String text) {
        RuleYaml y = RuleYaml.parse(text);
        return y.rules().stream().filter(r -> RuleYaml.get(RuleYaml.get(r, "let").orElse(null), "interest").isPresent())
                .map(r -> RuleYaml.string(RuleYaml.get(r, "id").orElseThrow())).findFirst().orElseThrow();
    }
}
