package huiqi.app;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring Boot adds a ResourceUrlEncodingFilter because webjars-locator-lite is present. It would rewrite
 * links to versioned URLs, but no versioning strategy is configured, so it rewrites nothing; yet it looks
 * every {@code @{...}} link of every page up as a classpath resource, and a miss (any page link such as
 * /enterprises/…) is not cached: each page scanned the classpath jars a few dozen times (most of the
 * 一企一策 page's server time, see docs/benchmarks.md). Version-less /webjars/ URLs are still served: that is
 * the resource handler's resolver chain, not this filter.
 */
@Configuration(proxyBeanMethods = false)
class WebResourcesConfig {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
        // a registration of this filter type makes the auto-configured one back off (@ConditionalOnMissingFilterBean)
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }
}
