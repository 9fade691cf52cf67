package huiqi.web.enterprise;

import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** 数据导入: upload CSV/XLSX profile and fact files; a bad row rejects the whole import with a report. */
@Controller
class ImportController {
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final EnterpriseImportService imports;
    private final ImportTemplates templates;
    private final ImportHistory history;
    private final ImportUndo undo;

    ImportController(EnterpriseImportService imports, ImportTemplates templates, ImportHistory history, ImportUndo undo) {
        this.imports = imports;
        this.templates = templates;
        this.history = history;
        this.undo = undo;
    }

    /** 导入模板: 指标数据 (one example row per indicator) or 企业档案, with a sheet of units and formats. */
    @GetMapping("/imports/templates/{kind}.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    ResponseEntity<byte[]> template(@PathVariable String kind, @AuthenticationPrincipal HuiqiUser user) {
        String reporter = user.getRole() == Role.ADMIN ? null : user.getUnit();
        byte[] body = switch (kind) {
            case "facts" -> templates.facts(reporter);
            case "profiles" -> templates.profiles(reporter);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这种导入模板");
        };
        String name = "facts".equals(kind) ? "指标数据导入模板.xlsx" : "企业档案导入模板.xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/imports")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String form(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("recent", history.page(page, "/imports"));
        return "imports/form";
    }

    /** One import: a rejected one's problems, an accepted one's undo (what it restores, or why it may not). */
    @GetMapping("/imports/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String entry(@PathVariable long id, @AuthenticationPrincipal HuiqiUser user, Model model) {
        ImportEntry entry = history.find(id).orElseThrow(() -> new ImportNotFound(id));
        model.addAttribute("entry", entry);
        model.addAttribute("problems", entry.rejected() ? history.problems(id, ImportReport.SHOWN) : List.of());
        model.addAttribute("plan", entry.accepted() ? undo.plan(id, user) : null);
        return "imports/entry";
    }

    @GetMapping("/imports/{id}/problems.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    void problems(@PathVariable long id, HttpServletResponse response) throws IOException {
        ImportEntry entry = history.find(id).filter(ImportEntry::rejected).orElseThrow(() -> new ImportNotFound(id));
        response.setContentType(XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("导入问题清单-第" + id + "号.xlsx", StandardCharsets.UTF_8).build().toString());
        ImportReport.writeXlsx(history.problems(id, ImportHistory.KEPT_PROBLEMS), entry.problems(),
                response.getOutputStream());
    }

    /** Undo needs the confirmation box ticked; a refusal shows the page again with its reasons. */
    @PostMapping("/imports/{id}/undo")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String undo(@PathVariable long id, @RequestParam(required = false) String confirm,
                @AuthenticationPrincipal HuiqiUser user, Model model, HttpServletResponse response) {
        if (!"yes".equals(confirm)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("undoError", "请先勾选“我已核对，确认撤销本次导入”");
            return entry(id, user, model);
        }
        try {
            ImportUndo.Plan done = undo.undo(id, user);
            model.addAttribute("undone", done);
        } catch (ImportUndoRefused e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("undoError", "未撤销：" + String.join("；", e.reasons()));
        }
        return entry(id, user, model);
    }

    @PostMapping("/imports")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @AuthenticationPrincipal HuiqiUser user, Model model) {
        EnterpriseImportService.Outcome outcome = imports.importUploads(files == null ? List.of() : files, user);
        model.addAttribute("outcome", outcome);
        model.addAttribute("recent", history.page(1, "/imports"));
        return "imports/form";
    }

    /** The full problem list of the user's own rejected import, as .xlsx. */
    @GetMapping("/imports/reports/{token}.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    ResponseEntity<Resource> report(@PathVariable String token, @AuthenticationPrincipal HuiqiUser user) {
        Path file = imports.report(user.getUsername(), token).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "问题清单不存在或已过期（保留 24 小时），请重新导入"));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("导入问题清单.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file));
    }
}
