package huiqi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every enum of the workflow module (top level: nested ones such as TransitionRefused.Reason are internal codes)
 * has English constants, {@code label()} for the Chinese and a static {@code parse(String)} that reads either.
 */
class EnumConventionTest {
    static List<Class<?>> enums() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("huiqi.fulfilment", "huiqi.supervision").stream()
                .filter(JavaClass::isEnum).filter(JavaClass::isTopLevelClass)
                .<Class<?>>map(JavaClass::reflect).toList();
    }

    @Test
    void everyEnumHasEnglishConstantsAChineseLabelAndOneParseReadingEither() throws Exception {
        List<Class<?>> enums = enums();
        assertThat(enums).extracting(Class::getSimpleName)
                .contains("CaseState", "CaseAction", "CaseKind", "ActorRole", "ContributionFactor", "TaskStatus", "UnitRole",
                        "DeadlineSource");
        for (Class<?> e : enums) {
            Method label = e.getMethod("label");
            Method parse = e.getMethod("parse", String.class);
            assertThat(Modifier.isStatic(parse.getModifiers())).as(e.getSimpleName() + ".parse is static").isTrue();
            for (Object constant : e.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                String text = (String) label.invoke(constant);
                assertThat(name).as(e.getSimpleName()).matches("[A-Z][A-Z0-9_]*");
                assertThat(text).as(e.getSimpleName() + "." + name).containsPattern("\\p{IsHan}");
                assertThat(parse.invoke(null, text)).as(e.getSimpleName() + ".parse(label)").isSameAs(constant);
                assertThat(parse.invoke(null, name)).as(e.getSimpleName() + ".parse(name)").isSameAs(constant);
            }
        }
    }
}
