package huiqi.web.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** The 上传文件 forms: the uploaded file, then the officer's corrections to the parsed document. */
@Component
class DocumentFormValidator {
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final PolicyStore store;

    DocumentFormValidator(PolicyStore store) {
        this.store = store;
    }

    /** What is wrong with the uploaded file, if anything. */
    Optional<String> checkUpload(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String lower = name.toLowerCase(Locale.ROOT);
        if (file.isEmpty()) {
            return Optional.of("请选择要上传的政策文件");
        }
        if (!(lower.endsWith(".txt") || lower.endsWith(".docx") || lower.endsWith(".pdf"))) {
            return Optional.of("只接受 .txt、.docx、.pdf 文件");
        }
        if (file.getSize() > MAX_BYTES) {
            return Optional.of("文件超过 20MB");
        }
        return Optional.empty();
    }

    /**
     * Applies the officer's corrections to the parsed draft, validating every field (and that the id and 文号 are
     * not taken); problems go to {@code errors}.
     */
    DocumentDraft corrected(DocumentDraft d, Map<String, String> form, List<String> errors) {
        String id = form.getOrDefault("id", d.id()).strip().toLowerCase(Locale.ROOT);
        if (!id.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            errors.add("文件编号只能由小写字母、数字和连字符组成（2-64 位），如 fz-2024-5");
        }
        String title = form.getOrDefault("title", d.title()).strip();
        if (title.isEmpty() || title.length() > 500) {
            errors.add("标题不能为空，且不超过 500 字");
        }
        String docNumber = limit(form.getOrDefault("docNumber", d.docNumber()), 100);
        String issuer = limit(form.getOrDefault("issuer", d.issuer()), 300);
        String level = limit(form.getOrDefault("level", d.level()), 16);
        String regionCode = limit(form.getOrDefault("regionCode", d.region() == null ? null : d.region().code()), 12);
        String regionName = limit(form.getOrDefault("regionName", d.region() == null ? null : d.region().name()), 100);
        if (regionCode != null && !regionCode.matches("\\d{2,12}")) {
            errors.add("行政区划代码应为数字，如 3501 或 350102");
        }
        LocalDate issuedOn = date(form, "issuedOn", d.issuedOn(), "成文日期", errors);
        LocalDate from = date(form, "effectiveFrom", d.effectiveFrom(), "施行日期", errors);
        LocalDate until = date(form, "effectiveUntil", d.effectiveUntil(), "有效期至", errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.add("有效期至不能早于施行日期");
        }
        List<DocumentDraft.Measure> measures = new ArrayList<>();
        for (DocumentDraft.Measure m : d.measures()) {
            List<String> lead = units(form.get("lead-" + m.number()), m.leadUnits());
            List<String> resp = units(form.get("resp-" + m.number()), m.responsibleUnits());
            measures.add(m.withUnits(lead, resp));
        }
        if (store.exists(id)) {
            errors.add("文件编号 " + id + " 已被使用");
        }
        if (docNumber != null && store.idOfDocNumber(docNumber).isPresent()) {
            errors.add("文号 " + docNumber + " 已在政策库中");
        }
        return new DocumentDraft(id, docNumber, issuer, title, issuedOn, from, until,
                regionCode == null && regionName == null ? null : new DocumentDraft.Region(regionCode, regionName),
                level, d.chapters(), measures, d.warnings(), d.sourceText());
    }

    private static List<String> units(String field, List<String> parsed) {
        if (field == null) {
            return parsed;
        }
        return Arrays.stream(field.split("[、,，;；]")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.length() > 100 ? s.substring(0, 100) : s).distinct().toList();
    }

    private static LocalDate date(Map<String, String> form, String key, LocalDate parsed, String label,
                                  List<String> errors) {
        if (!form.containsKey(key)) {
            return parsed;
        }
        String v = form.get(key).strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(label + "应为 yyyy-mm-dd 格式");
            return parsed;
        }
    }

    private static String limit(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
