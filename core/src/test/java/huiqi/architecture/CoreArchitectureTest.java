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

/** The kernel: policy, rules, facts, enterprise, quantity. It depends on nothing else of ours, and its packages form no cycle. */
@AnalyzeClasses(packages = "huiqi", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    static final String[] CORE = {"huiqi.policy..", "huiqi.org..", "huiqi.rules..", "huiqi.facts..", "huiqi.enterprise..", "huiqi.quantity.."};

    @ArchTest
    static final ArchRule onlyKernelPackages = noClasses().should().resideOutsideOfPackages(CORE)
            .because("core holds only the kernel packages (workflow, batch, app… are modules of their own)");

    @ArchTest
    static final ArchRule dependsOnNothingElseOfOurs = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat(resideInAPackage("huiqi..").and(not(resideInAnyPackage(CORE))))
            .because("core is the kernel every other module builds on");

    /** Between the kernel's feature packages (policy, rules, facts, enterprise, quantity; only rules has sub-packages). */
    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("huiqi.(*)..").should().beFreeOfCycles();

    /** Between any two packages of the kernel, huiqi.rules itself included (RuleLibrary and Coverage live in rules.file). */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("huiqi.(**)").should().beFreeOfCycles();
}
