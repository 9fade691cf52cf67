package huiqi.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** 批量免申即享 (huiqi.batch): built on core only, no package cycles. */
@AnalyzeClasses(packages = "huiqi.batch", importOptions = ImportOption.DoNotIncludeTests.class)
class BatchArchitectureTest {
    static final String[] CORE = {"huiqi.policy..", "huiqi.org..", "huiqi.rules..", "huiqi.facts..", "huiqi.enterprise..", "huiqi.quantity.."};

    @ArchTest
    static final ArchRule dependsOnCoreOnly = noClasses().that().resideInAPackage("huiqi.batch..")
            .should().dependOnClassesThat(resideInAPackage("huiqi..")
                    .and(not(resideInAPackage("huiqi.batch.."))).and(not(resideInAnyPackage(CORE))))
            .because("batch depends on core and on no other module of ours");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("huiqi.(**)").should().beFreeOfCycles();
}
