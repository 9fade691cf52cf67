package huiqi.web.security;

import huiqi.web.problem.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.Map;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login for people, HTTP Basic for API clients. Every controller method carries its own
 * {@code @PreAuthorize} rule (checked by AccessRulesTest); the URL rules here are a second fence:
 * only static assets, the login page and health are public, the rest needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        // A cross-site form cannot set an Authorization header, so API calls with explicit credentials are
        // safe from CSRF; browser calls riding on the session cookie still need the token. An API call with no
        // session at all has nothing to forge: it is answered 401 by the entry point, not 403 by the CSRF check.
        RequestMatcher apiWithoutSession = request -> api.matches(request)
                && (request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);
        Map<String, String> failures = Map.of(
                LockedException.class.getName(), "/login?locked",
                DisabledException.class.getName(), "/login?disabled");
        ExceptionMappingAuthenticationFailureHandler onFailure = new ExceptionMappingAuthenticationFailureHandler();
        onFailure.setExceptionMappings(failures);
        onFailure.setDefaultFailureUrl("/login?error");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/actuator/health", "/error", "/calculator").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .hasAnyRole(Role.ADMIN.name(), Role.OFFICER.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(onFailure).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.ignoringRequestMatchers(apiWithoutSession))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                // the API answers 401/403 as problem+json in Chinese, like its other errors; pages get the sign-in page and error/403.html
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor((request, response, ex) -> Problems.write(response, 401,
                                "请先登录：接口请用 HTTP Basic 提供用户名和密码，或使用已登录的会话"), api)
                        .defaultAccessDeniedHandlerFor((request, response, ex) -> Problems.write(response, 403,
                                "您的账号无权访问该资源或执行该操作"), api)
                        // a single mapping would serve every request (Spring Security uses it as the default): pages keep error/403.html
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * No Micrometer observation around each of the chain's filters, authentication and authorization: with the
     * actuator's meter registry every page paid for a dozen timers nobody reads (only health is exposed).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
