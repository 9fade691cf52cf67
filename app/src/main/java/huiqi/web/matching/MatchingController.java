package huiqi.web.matching;

import huiqi.web.security.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** 一企一策: officers for any enterprise, an enterprise account for itself only. */
@Controller
class MatchingController {
    private final PolicyPages pages;
    private final WholePolicyPage whole;

    MatchingController(PolicyPages pages, WholePolicyPage whole) {
        this.pages = pages;
        this.whole = whole;
    }

    @GetMapping("/enterprises/{uscc}/policy")
    @PreAuthorize("@access.canSee(authentication, #uscc)")
    void policy(@PathVariable String uscc, HttpServletRequest request, HttpServletResponse response) throws Exception {
        var shown = pages.of(uscc).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "企业不存在"));
        whole.write(shown, (Viewer) request.getAttribute("viewer"), request, response);
    }
}
