package huiqi.web.fulfilment;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class BulkBodyLimitConfig {
    @Bean
    FilterRegistrationBean<BulkBodyLimit> bulkBodyLimit() {
        FilterRegistrationBean<BulkBodyLimit> r = new FilterRegistrationBean<>(new BulkBodyLimit());
        r.addUrlPatterns("/api/v1/fulfilment/bulk", "/fulfilment/bulk");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before Spring Security (-100), which reads form bodies
        return r;
    }
}
