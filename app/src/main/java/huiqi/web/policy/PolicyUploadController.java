package huiqi.web.policy;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * corrects metadata and units, and saves it with the original file. The parsed draft waits on disk ({@link PendingUploads}).
 */
@Controller
class PolicyUploadController {
    private final PolicyParsing parsing;
    private final PolicyStore store;
    private final DocumentFormValidator validator;
    private final PendingUploads pending;

    PolicyUploadController(PolicyParsing parsing, PolicyStore store, DocumentFormValidator validator,
                           PendingUploads pending) {
        this.parsing = parsing;
        this.store = store;
        this.validator = validator;
        this.pending = pending;
    }

    @GetMapping("/policies/upload")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String form() {
        return "policies/upload";
    }

    @PostMapping("/policies/upload")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String upload(@RequestParam("file") MultipartFile file, Principal user, Model model) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        Optional<String> problem = validator.checkUpload(file);
        if (problem.isPresent()) {
            model.addAttribute("error", problem.get());
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
        String token = pending.put(user.getName(), draft, safeFileName(name), bytes);
        return preview(model, token, draft, List.of());
    }

    @PostMapping("/policies/upload/save")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String save(@RequestParam String token, @RequestParam Map<String, String> form, Principal user, Model model) {
        Optional<PendingUploads.Pending> found = pending.get(user.getName(), token);
        if (found.isEmpty()) {
            model.addAttribute("error", "上传已过期，请重新上传文件");
            return "policies/upload";
        }
        PendingUploads.Pending upload = found.get();
        List<String> errors = new ArrayList<>();
        DocumentDraft corrected = validator.corrected(upload.draft(), form, errors);
        if (!errors.isEmpty()) {
            return preview(model, token, corrected, errors);
        }
        store.insert(corrected, "upload", upload.fileName(), upload.bytes(), user.getName());
        pending.remove(user.getName(), token);
        return "redirect:/policies/" + corrected.id();
    }

    private String preview(Model model, String token, DocumentDraft draft, List<String> errors) {
        model.addAttribute("token", token);
        model.addAttribute("doc", draft);
        model.addAttribute("errors", errors);
        return "policies/preview";
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
