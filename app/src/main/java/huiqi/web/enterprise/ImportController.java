package huiqi.web.enterprise;

import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 数据导入: upload CSV/XLSX profile and fact files; a bad row rejects the whole import with a report. */
@Controller
class ImportController {
    private final EnterpriseImportService imports;

    ImportController(EnterpriseImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/imports")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String form(Model model) {
        model.addAttribute("recent", imports.recent());
        return "imports/form";
    }

    @PostMapping("/imports")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, Principal user,
                  Model model) {
        EnterpriseImportService.Outcome outcome = imports.importUploads(files == null ? List.of() : files,
                user.getName());
        model.addAttribute("outcome", outcome);
        model.addAttribute("recent", imports.recent());
        return "imports/form";
    }
}
