package huiqi.web.rules.editor;

import static huiqi.web.rules.editor.EditorFixtures.CATALOG;
import static huiqi.web.rules.editor.EditorFixtures.POLICY;
import static huiqi.web.rules.editor.EditorFixtures.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import huiqi.policy.PolicyParser;
import huiqi.rules.draft.DraftYaml;
import huiqi.rules.draft.RuleDrafter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A draft from the text opens in the editor: its questions are listed and can be answered in the form. */
class DraftInEditorTest {
    private final RuleEditing editing = EditorFixtures.editing();
    private final String draft = DraftYaml.render(new RuleDrafter(CATALOG).draft(new PolicyParser().parse(SOURCE), POLICY));

    @Test
    void theDraftsQuestionsAreInTheFormAndAnsweringOneLeavesOneFewer() {
        RuleSetForm form = editing.form(draft, Map.of());
        RuleCheck before = editing.check(POLICY, draft, SOURCE);
        System.out.println("draft of " + POLICY + ": " + before.problems().size() + " problems, " + before.openQuestions() + " open questions");
        before.problems().forEach(p -> System.out.println("  " + p));
        assertThat(form.questions()).hasSize(before.openQuestions()).isNotEmpty();
        assertThat(form.rules()).extracting(RuleSetForm.RuleForm::id).contains("fz-2024-2/7");
        assertThat(form.rules().stream().filter(r -> r.id().equals("fz-2024-2/7")).findFirst().orElseThrow().questions()).isNotEmpty();

        String answered = editing.apply(draft, new FormEdit.Answer(0, "已核对"));
        assertThat(editing.check(POLICY, answered, SOURCE).openQuestions()).isEqualTo(before.openQuestions() - 1);
        assertThat(editing.form(answered, Map.of()).questions()).hasSize(form.questions().size() - 1);
    }
}
