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

/** 兑现 and 督办 (fulfilment, supervision): built on core only, no package cycles. */
@AnalyzeClasses(packages = {"huiqi.fulfilment", "huiqi.supervision"}, importOptions = ImportOption.DoNotIncludeTests.class)
class WorkflowArchitectureTest {
    static final String[] WORKFLOW = {"huiqi.fulfilment..", "huiqi.supervision.."};
    static final String[] CORE = {"huiqi.policy..", "huiqi.org..", "huiqi.rules..", "huiqi.facts..", "huiqi.enterprise..", "huiqi.quantity.."};

    @ArchTest
    static final ArchRule dependsOnCoreOnly = noClasses().that().resideInAnyPackage(WORKFLOW)
            .should().dependOnClassesThat(resideInAPackage("huiqi..")
                    .and(not(resideInAnyPackage(WORKFLOW))).and(not(resideInAnyPackage(CORE))))
            .because("workflow depends on core and on no other module of ours");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("huiqi.(**)").should().beFreeOfCycles();
}
