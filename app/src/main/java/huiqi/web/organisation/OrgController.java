package huiqi.web.organisation;

import huiqi.org.UnitImport;
import huiqi.org.UnitType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 组织目录 for 管理员: browse, add aliases, merge duplicates, deactivate, import .xlsx; every change audited. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OrgController {
    private final OrgStore store;
    private final List<UnboundNames> unbound;

    OrgController(OrgStore store, List<UnboundNames> unbound) {
        this.store = store;
        this.unbound = unbound;
    }

    @GetMapping("/organisations")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String government,
                Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("government", government == null ? "" : government);
        model.addAttribute("governments", store.governments());
        model.addAttribute("units", store.list(q, government));
        model.addAttribute("audit", store.audit(null, 30));
        model.addAttribute("columns", UnitImport.COLUMNS);
        model.addAttribute("types", UnitType.values());
        model.addAttribute("parents", store.activeByGovernment());
        model.addAttribute("unbound", unbound.stream().filter(u -> !u.names().isEmpty()).toList());
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of());
        }
        return "organisations/list";
    }

    @GetMapping("/organisations/unit")
    @PreAuthorize("hasRole('ADMIN')")
    String unit(@RequestParam String id, Model model) {
        var unit = store.find(id).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "单位不存在"));
        model.addAttribute("unit", unit);
        model.addAttribute("aliases", store.aliases(id));
        model.addAttribute("audit", store.audit(id, 100));
        model.addAttribute("types", UnitType.values());
        model.addAttribute("parents", store.activeByGovernment());
        model.addAttribute("siblings", store.list("", unit.regionCode() + "|" + unit.regionName()).stream()
                .filter(u -> u.active() && !u.id().equals(id)).toList());
        return "organisations/unit";
    }

    @PostMapping("/organisations/units")
    @PreAuthorize("hasRole('ADMIN')")
    String add(@RequestParam Map<String, String> form, Principal user, RedirectAttributes redirect) {
        List<String> cells = List.of(value(form, "name"), value(form, "type"), value(form, "regionCode"),
                value(form, "regionName"), value(form, "parent"), value(form, "shortNames"), value(form, "aliases"),
                value(form, "source"));
        UnitImport.Result checked = UnitImport.single(cells, store::nameTaken);
        List<String> problems = checked.accepted()
                ? store.addUnit(checked.units().get(0), user.getName())
                : checked.problems().stream().map(UnitImport.Problem::field).toList();
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            redirect.addFlashAttribute("entered", form);
            return "redirect:/organisations";
        }
        UnitImport.Unit added = checked.units().get(0);
        return done(Optional.empty(), "已新增单位", added.government().code() + "/" + added.name(), redirect);
    }

    @PostMapping("/organisations/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@RequestParam String id, @RequestParam String name, @RequestParam String type,
                @RequestParam(required = false) String parent, Principal user, RedirectAttributes redirect) {
        List<String> problems = store.editUnit(id, name, type, parent, user.getName());
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
        } else {
            redirect.addFlashAttribute("message", "已保存");
        }
        redirect.addAttribute("id", id);
        return "redirect:/organisations/unit";
    }

    private static String value(Map<String, String> form, String key) {
        String v = form.get(key);
        return v == null ? "" : v.strip();
    }

    @PostMapping("/organisations/aliases")
    @PreAuthorize("hasRole('ADMIN')")
    String alias(@RequestParam String id, @RequestParam String alias, Principal user, RedirectAttributes redirect) {
        return done(store.addAlias(id, alias, user.getName()), "已添加别名", id, redirect);
    }

    @PostMapping("/organisations/merge")
    @PreAuthorize("hasRole('ADMIN')")
    String merge(@RequestParam String id, @RequestParam String into, Principal user, RedirectAttributes redirect) {
        Optional<String> problem = store.merge(id, into, user.getName());
        return done(problem, "已合并", problem.isPresent() ? id : into, redirect);
    }

    @PostMapping("/organisations/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    String deactivate(@RequestParam String id, @RequestParam(required = false) String reason, Principal user,
                      RedirectAttributes redirect) {
        return done(store.deactivate(id, reason, user.getName()), "已停用", id, redirect);
    }

    @PostMapping("/organisations/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importFile(@RequestParam("file") MultipartFile file, Principal user, RedirectAttributes redirect)
            throws IOException {
        String name = file.getOriginalFilename() == null ? "上传文件" : Path.of(file.getOriginalFilename()).getFileName().toString();
        if (file.isEmpty() || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            redirect.addFlashAttribute("problems", List.of("请上传 .xlsx 文件（列：" + String.join("、", UnitImport.COLUMNS) + "）"));
            return "redirect:/organisations";
        }
        Path tmp = Files.createTempFile("org-import", ".xlsx");
        try {
            file.transferTo(tmp);
            UnitImport.Result result = UnitImport.read(tmp, store::nameTaken);
            if (!result.accepted()) {
                redirect.addFlashAttribute("problems", result.problems().stream().map(Object::toString).toList());
                return "redirect:/organisations";
            }
            store.importUnits(result.units(), name, user.getName());
            redirect.addFlashAttribute("message", "已导入 " + result.units().size() + " 个单位");
        } catch (OrgStore.ImportRefused e) {
            redirect.addFlashAttribute("problems", e.problems().stream().map(Object::toString).toList());
        } catch (IOException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
        } finally {
            Files.deleteIfExists(tmp);
        }
        return "redirect:/organisations";
    }

    private static String done(Optional<String> problem, String message, String id, RedirectAttributes redirect) {
        if (problem.isPresent()) {
            redirect.addFlashAttribute("problems", List.of(problem.get()));
        } else {
            redirect.addFlashAttribute("message", message);
        }
        redirect.addAttribute("id", id);
        return "redirect:/organisations/unit";
    }
}
