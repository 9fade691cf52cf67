package huiqi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The web platform: feature packages without cycles, SQL kept out of controllers (it lives in stores and queries). */
@AnalyzeClasses(packages = {"huiqi.app", "huiqi.web"}, importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("huiqi.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersRunNoSql = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
            .because("SQL belongs in store and query classes");
}
