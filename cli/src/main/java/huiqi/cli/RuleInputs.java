package huiqi.cli;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.RuleLoadException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * What eval and batch both read before evaluating: the --as-of date, the indicator catalog next to the rules,
 * and the loaded rule files. Bad input becomes an exception that {@link FriendlyErrors} prints as
 * "错误: …" lines with exit code 2.
 */
record RuleInputs(LocalDate asOf, IndicatorCatalog catalog, RuleLibrary.Loaded rules) {

    static RuleInputs load(Path rulesDir, String asOfText) {
        LocalDate asOf = asOf(asOfText);
        IndicatorCatalog catalog = Catalogs.near(rulesDir);
        RuleLibrary.Loaded loaded = RuleLibrary.load(rulesDir, catalog);
        if (!loaded.ok()) {
            throw new RuleLoadException(loaded.problems()); // FriendlyErrors prints each problem
        }
        return new RuleInputs(asOf, catalog, loaded);
    }

    private static LocalDate asOf(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--as-of 应为日期，如 2024-03-01，实为 '" + text + "'");
        }
    }
}
