package huiqi.web.dashboard;

import huiqi.web.charts.Charts;
import huiqi.web.policy.PolicyValidity;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台: the key numbers for officers; an enterprise account goes straight to its own 一企一策. */
@Controller
class DashboardController {
    private final DashboardQueries queries;
    private final PolicyValidity validity;

    DashboardController(DashboardQueries queries, PolicyValidity validity) {
        this.queries = queries;
        this.validity = validity;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(@AuthenticationPrincipal HuiqiUser user, Model model) {
        if (user.getRole() == Role.ENTERPRISE) {
            return "redirect:/enterprises/" + user.getUscc() + "/policy";
        }
        if (user.getRole() == Role.FINANCE) {
            return "redirect:/fulfilment/queue";
        }
        if (user.getRole() == Role.SUPERVISOR) {
            return "redirect:/supervision/dashboard";
        }
        if (user.getRole() == Role.REVIEWER) {
            return "redirect:/rules/review";
        }
        DashboardQueries.Counts counts = queries.counts();
        model.addAttribute("documents", counts.documents());
        model.addAttribute("measures", counts.measures());
        model.addAttribute("validDocuments", validity.countInForce()); // documents without an end date may have ended with their rules
        model.addAttribute("enterprises", counts.enterprises());
        model.addAttribute("facts", counts.facts());
        model.addAttribute("users", counts.users());
        model.addAttribute("measuresChart", Charts.bar("措施数", "条", queries.measuresPerDocument()));
        model.addAttribute("mineCount", user.getUnit() == null ? 0L : queries.measuresOfUnit(user.getUnit()));
        return "dashboard";
    }
}
