package huiqi.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One numbered measure (措施). {@code number} runs 1…n through the document; {@code label} is the marker as
 * printed ("7.", "（三）", "第五条"), which differs when numbering restarts per chapter. {@code chapter} is the number of the chapter it sits in (null when the document
 * has no chapters); {@code title} is its first sentence; {@code text} the whole measure as published (line
 * breaks and layout spaces removed), including its unit annotation. {@code inheritedUnits} come from an
 * earlier blanket clause ("以下均需…落实，不再一一列出") or from the heading of the chapter the measure is in
 * ("一、强化科技创新（区科技局牵头）"). Unit names are kept as written; {@code qualifiedUnits} lists every unit
 * (lead, responsible, inherited) as a full name, the level the text wrote once carried over ("市发展改革委、
 * 工业和信息化局" → 市工业和信息化局). {@code attachment} is the number of the attached document the measure belongs
 * to ("附件2"), null for the document's own text.
 */
public record Measure(
        int number,
        String label,
        Integer chapter,
        String title,
        String text,
        List<String> leadUnits,
        List<String> responsibleUnits,
        List<String> inheritedUnits,
        List<Target> targets,
        List<Amount> amounts,
        List<String> qualifiedUnits,
        Integer attachment) {

    public Measure {
        leadUnits = List.copyOf(leadUnits);
        responsibleUnits = List.copyOf(responsibleUnits);
        inheritedUnits = List.copyOf(inheritedUnits);
        targets = List.copyOf(targets);
        amounts = List.copyOf(amounts);
        qualifiedUnits = List.copyOf(qualifiedUnits);
    }

    /** Every unit that must deliver this measure: lead, responsible, then inherited, without repeats. */
    public List<String> allUnits() {
        LinkedHashSet<String> all = new LinkedHashSet<>(leadUnits);
        all.addAll(responsibleUnits);
        all.addAll(inheritedUnits);
        return new ArrayList<>(all);
    }
}
