package huiqi.web.matching;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** 一企一策: officers for any enterprise, an enterprise account for itself only. */
@Controller
class MatchingController {
    private final PolicyPages pages;

    MatchingController(PolicyPages pages) {
        this.pages = pages;
    }

    @GetMapping("/enterprises/{uscc}/policy")
    @PreAuthorize("@access.canSee(authentication, #uscc)")
    String policy(@PathVariable String uscc, Model model) {
        var shown = pages.of(uscc).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "企业不存在"));
        model.addAttribute("e", shown.profile());
        model.addAttribute("page", shown.page());
        return "enterprises/policy";
    }
}
