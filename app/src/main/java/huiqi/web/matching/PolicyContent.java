package huiqi.web.matching;

import huiqi.web.security.Viewer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The inside of the 一企一策 page (templates/enterprises/policy-content.html) as HTML, rendered once per kept page
 * and kind of viewer: the rows, explanations and amounts were most of the page's rendering time, and they are the
 * same for every view of the same content. The layout around it is kept per role by {@link WholePolicyPage}.
 */
@Component
class PolicyContent {
    private static final String TEMPLATE = "enterprises/policy-content";
    private final SpringTemplateEngine engine;
    private final ApplicationContext context;
    private final JakartaServletWebApplication application;

    PolicyContent(SpringTemplateEngine engine, ApplicationContext context, ServletContext servletContext) {
        this.engine = engine;
        this.context = context;
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
    }

    /** What the template reads of the viewer; views that agree on it get the same HTML. */
    static String variant(Viewer viewer) {
        return (viewer.officer() ? "officer" : "-") + "/" + (viewer.enterprise() ? "enterprise" : "-");
    }

    /** The content's HTML for this viewer, from the kept page when rendered before. */
    String html(PolicyPages.Shown shown, Viewer viewer, HttpServletRequest request, HttpServletResponse response) {
        Objects.requireNonNull(viewer, "viewer");
        return shown.rendered().computeIfAbsent(variant(viewer), v -> {
            WebContext ctx = new WebContext(application.buildExchange(request, response), Locale.SIMPLIFIED_CHINESE,
                    Map.of("e", shown.profile(), "page", shown.page(), "viewer", viewer));
            // as Spring MVC's view sets it up: beans and conversions visible to expressions, nothing else
            ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                    new ThymeleafEvaluationContext(context,
                            (ConversionService) request.getAttribute(ConversionService.class.getName())));
            return engine.process(TEMPLATE, ctx);
        });
    }
}
