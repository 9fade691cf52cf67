package huiqi.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every sign-in attempt (the login form's POST, or any request with an Authorization header) from an
 * address {@link LoginThrottle} has blocked: the form goes back to the login page with the reason, API clients get
 * 429 with a Chinese problem+json body.
 */
class LoginThrottleFilter extends OncePerRequestFilter {
    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean formLogin = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        boolean credentials = request.getHeader("Authorization") != null;
        if ((formLogin || credentials) && throttle.blocked(request.getRemoteAddr())) {
            String minutes = String.valueOf(throttle.lockPeriod().toMinutes());
            if (formLogin) {
                response.sendRedirect(request.getContextPath() + "/login?blocked");
                return;
            }
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(throttle.lockPeriod().toSeconds()));
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getOutputStream().write(("{\"title\":\"登录尝试过多\",\"status\":429,\"detail\":\"该地址登录失败次数过多，请 "
                    + minutes + " 分钟后再试\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
