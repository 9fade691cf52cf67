package huiqi.web.policy;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 上传文件: an officer uploads a .txt/.docx/.pdf, sees the parse (outline, units, targets, warnings),
 * corrects metadata and units, and saves it with the original file. The parsed draft waits in the session.
 */
@Controller
class PolicyUploadController {
    private static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final String SESSION_PREFIX = "policy-upload:";

    private final PolicyParsing parsing;
    private final PolicyStore store;

    PolicyUploadController(PolicyParsing parsing, PolicyStore store) {
        this.parsing = parsing;
        this.store = store;
    }

    record PendingUpload(DocumentDraft draft, String fileName, byte[] bytes) implements java.io.Serializable {
    }

    @GetMapping("/policies/upload")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String form() {
        return "policies/upload";
    }

    @PostMapping("/policies/upload")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String upload(@RequestParam("file") MultipartFile file, HttpSession session, Model model) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String lower = name.toLowerCase(Locale.ROOT);
        if (file.isEmpty()) {
            model.addAttribute("error", "请选择要上传的政策文件");
            return "policies/upload";
        }
        if (!(lower.endsWith(".txt") || lower.endsWith(".docx") || lower.endsWith(".pdf"))) {
            model.addAttribute("error", "只接受 .txt、.docx、.pdf 文件");
            return "policies/upload";
        }
        if (file.getSize() > MAX_BYTES) {
            model.addAttribute("error", "文件超过 20MB");
            return "policies/upload";
        }
        byte[] bytes = file.getBytes();
        String id = suggestId(name);
        DocumentDraft draft;
        try {
            draft = parsing.parse(id, name, bytes);
        } catch (PolicyParsing.UnreadableDocumentException e) {
            model.addAttribute("error", "无法读取该文件：" + e.getMessage());
            return "policies/upload";
        }
        String token = UUID.randomUUID().toString();
        session.setAttribute(SESSION_PREFIX + token, new PendingUpload(draft, safeFileName(name), bytes));
        return preview(model, token, draft, List.of());
    }

    @PostMapping("/policies/upload/save")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String save(@RequestParam String token, @RequestParam Map<String, String> form, HttpSession session,
                Principal user, Model model) {
        Object pending = session.getAttribute(SESSION_PREFIX + token);
        if (!(pending instanceof PendingUpload upload)) {
            model.addAttribute("error", "上传已过期，请重新上传文件");
            return "policies/upload";
        }
        List<String> errors = new ArrayList<>();
        DocumentDraft corrected = corrected(upload.draft(), form, errors);
        if (store.exists(corrected.id())) {
            errors.add("文件编号 " + corrected.id() + " 已被使用");
        }
        if (corrected.docNumber() != null && store.idOfDocNumber(corrected.docNumber()).isPresent()) {
            errors.add("文号 " + corrected.docNumber() + " 已在政策库中");
        }
        if (!errors.isEmpty()) {
            return preview(model, token, corrected, errors);
        }
        store.insert(corrected, "upload", upload.fileName(), upload.bytes(), user.getName());
        session.removeAttribute(SESSION_PREFIX + token);
        return "redirect:/policies/" + corrected.id();
    }

    private String preview(Model model, String token, DocumentDraft draft, List<String> errors) {
        model.addAttribute("token", token);
        model.addAttribute("doc", draft);
        model.addAttribute("errors", errors);
        return "policies/preview";
    }

    /** Applies the officer's corrections to the parsed draft, validating every field. */
    static DocumentDraft corrected(DocumentDraft d, Map<String, String> form, List<String> errors) {
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

    static String suggestId(String fileName) {
        String base = fileName.replaceAll("\\.[^.]*$", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.length() < 2) {
            base = "doc";
        }
        return (base.length() > 40 ? base.substring(0, 40) : base) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String safeFileName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\r\\n\"]", "_");
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
