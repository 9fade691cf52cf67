package huiqi.rules.draft;

import java.util.List;

/**
 * The draft for one measure: its category with the reason, the drafted rules (one per granting sentence; empty
 * unless 可计算 or 仅资格) and the open questions the officer must answer before the draft can be adopted.
 */
public record MeasureDraft(int measure, String measureText, Category category, String reason, List<DraftRule> rules,
                           List<OpenQuestion> questions, List<Category> alternatives) {

    public MeasureDraft {
        rules = List.copyOf(rules);
        questions = List.copyOf(questions);
        alternatives = List.copyOf(alternatives);
    }
}
