package huiqi.web.dashboard;

import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台: the key numbers for officers; an enterprise account goes straight to its own 一企一策. */
@Controller
class DashboardController {
    private final JdbcClient jdbc;

    DashboardController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(@AuthenticationPrincipal HuiqiUser user, Model model) {
        if (user.getRole() == Role.ENTERPRISE) {
            return "redirect:/enterprises/" + user.getUscc() + "/policy";
        }
        if (user.getRole() == Role.SUPERVISOR) {
            return "redirect:/supervision/dashboard";
        }
        model.addAttribute("documents", count("select count(*) from policy_document"));
        model.addAttribute("measures", count("select count(*) from policy_measure"));
        model.addAttribute("validDocuments", count(
                "select count(*) from policy_document where effective_until is null or effective_until >= current_date"));
        model.addAttribute("enterprises", count("select count(*) from enterprise"));
        model.addAttribute("facts", count("select count(*) from enterprise_fact"));
        model.addAttribute("users", count("select count(*) from app_user"));
        List<Map<String, Object>> perDoc = jdbc.sql("""
                select coalesce(d.doc_number, d.title) as label, count(m.number) as n from policy_document d
                left join policy_measure m on m.document_id = d.id group by d.id, d.doc_number, d.title
                order by d.issued_on desc nulls last, d.id""").query().listOfRows();
        model.addAttribute("measuresChart", Charts.bar("措施数", "条", perDoc));
        model.addAttribute("mineCount", user.getUnit() == null ? 0L : jdbc.sql("""
                select count(*) from policy_measure where ? = any(lead_units) or ? = any(responsible_units)
                or ? = any(inherited_units)""").params(user.getUnit(), user.getUnit(), user.getUnit())
                .query(Long.class).single());
        return "dashboard";
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
