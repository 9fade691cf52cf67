package huiqi.cli;

import huiqi.batch.whatif.Overlay;
import huiqi.enterprise.EnterpriseJson;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.ResultJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ./huiqi eval --enterprise FILE.json [--as-of DATE]: every rule for one enterprise, as JSON. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "用企业数据（JSON，见 docs/formats.md）评估全部规则，输出每条规则的状态、金额、解释和近似命中。")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--enterprise", required = true, paramLabel = "FILE.json", description = "企业数据文件")
    Path enterprise;

    @Option(names = "--as-of", paramLabel = "DATE", description = "评估日期（如 2024-03-01）：只评估有效期包含该日的规则，参数取该日的值")
    String asOf;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "policies", description = "规则目录（默认 policies）")
    Path rules;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "试算：覆盖参数，如 fz-2024-2/7.rate=0.03元/千瓦时（可重复）")
    List<String> overrides = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RuleInputs in = RuleInputs.load(rules, asOf);
        LocalDate date = in.asOf();
        IndicatorCatalog catalog = in.catalog();
        RuleLibrary.Loaded loaded = in.rules();
        EnterpriseRecord record = EnterpriseJson.read(enterprise, catalog);
        Evaluation ev = new Evaluator(catalog).evaluate(loaded.files(), record, date, parseOverrides());
        PrintWriter out = spec.commandLine().getOut();
        out.println(ResultJson.write(ev, catalog));
        out.flush();
        return 0;
    }

    /** The same reading as batch --set (and the web's what-if form): {@link Overlay#parse}. */
    private Overrides parseOverrides() {
        return Overlay.parse(overrides).overrides();
    }
}
