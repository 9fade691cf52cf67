package huiqi.app;

import huiqi.facts.IndicatorCatalog;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indicator catalog (indicators.yaml at the repository root, or huiqi.indicators). */
@Configuration(proxyBeanMethods = false)
class CatalogConfig {

    @Bean
    IndicatorCatalog indicatorCatalog(@Value("${huiqi.indicators:}") String file) throws IOException {
        return IndicatorCatalog.load(file.isBlank() ? IndicatorCatalog.locate(Path.of(".")) : Path.of(file));
    }
}
