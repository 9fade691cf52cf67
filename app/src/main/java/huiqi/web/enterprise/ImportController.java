package huiqi.web.enterprise;

import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
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

    ImportController(EnterpriseImportService imports, ImportTemplates templates) {
        this.imports = imports;
        this.templates = templates;
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
    String form(Model model) {
        model.addAttribute("recent", imports.recent());
        return "imports/form";
    }

    @PostMapping("/imports")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @AuthenticationPrincipal HuiqiUser user, Model model) {
        EnterpriseImportService.Outcome outcome = imports.importUploads(files == null ? List.of() : files, user);
        model.addAttribute("outcome", outcome);
        model.addAttribute("recent", imports.recent());
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
