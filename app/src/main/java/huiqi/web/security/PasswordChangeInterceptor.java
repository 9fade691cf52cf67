package huiqi.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An account whose password was generated or reset by someone else must choose its own before anything else:
 * pages redirect to 修改密码, the API answers 403 with the reason.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(AccountController.PASSWORD_PAGE, "/login", "/logout",
                "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof HuiqiUser user) || !user.isMustChangePassword()) {
            return true;
        }
        if (request.getServletPath().startsWith("/api/")) {
            response.setStatus(403);
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getOutputStream().write("{\"title\":\"须先修改密码\",\"status\":403,\"detail\":\"初始密码或重置后的密码须先在平台上修改\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return false;
        }
        response.sendRedirect(request.getContextPath() + AccountController.PASSWORD_PAGE);
        return false;
    }
}
