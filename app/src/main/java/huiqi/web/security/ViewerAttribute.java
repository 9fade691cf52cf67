package huiqi.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the {@link Viewer} of every request into the request attribute {@value #NAME}, which templates read as
 * {@code ${viewer}}. An interceptor rather than a model attribute so that error pages and view-only pages
 * (no controller method) get it too.
 */
@Configuration(proxyBeanMethods = false)
class ViewerAttribute implements HandlerInterceptor, WebMvcConfigurer {
    static final String NAME = "viewer";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(NAME) == null) {
            request.setAttribute(NAME, Viewer.of(SecurityContextHolder.getContext().getAuthentication()));
        }
        return true;
    }
}
