package huiqi.rules.file;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.enterprise.FactText;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import huiqi.policy.PayerLevel;
import huiqi.quantity.Unit;
import huiqi.rules.Status;
import huiqi.rules.lang.Checker;
import huiqi.rules.lang.Expr;
import huiqi.rules.lang.ExprException;
import huiqi.rules.lang.Names;
import huiqi.rules.lang.Parser;
import huiqi.rules.lang.Type;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads a policies/&lt;doc-id&gt;/rules.yaml: reads it with SnakeYAML's node API (positions kept), parses
 * and type-checks every expression, verifies quotes against source.txt, builds the example tests, checks
 * coverage of measures and dependency cycles. Every problem is reported with file:line:column; any
 * problem fails the load ({@link RuleLoadException} lists them all).
 */
public final class RuleFileLoader {
    private static final Set<String> TOP_KEYS = Set.of("document", "source", "measures", "region", "valid", "stacking",
            "periods", "parameters", "rules", "caps", "tests", "unencoded");
    private static final Set<String> RULE_KEYS = Set.of("id", "measure", "title", "quote", "kind", "delivery", "payer",
            "payers", "region", "valid", "class", "stacking", "parameters", "periods", "let", "eligible", "amount", "cap",
            "deducts", "tests");
    private static final Pattern INDEXED = Pattern.compile("([a-z_][a-z0-9_]*)\\[(.+)]");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final IndicatorCatalog catalog;

    public RuleFileLoader(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every rules.yaml under dir (recursively), sorted by path. */
    public static List<Path> findRuleFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals("rules.yaml")).sorted().toList();
        }
    }

    public RuleFile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleLoadException(new SourcePos(file.toString(), 1, 1), "无法读取规则文件：" + e.getMessage());
        }
        return new Load(file, new YamlDoc(file.toString(), text)).run();
    }

    /** State of loading one file. */
    private final class Load {
        final Path path;
        final YamlDoc doc;
        final List<RuleProblem> problems = new ArrayList<>();
        String docId;
        String document;
        String sourceText;
        String docRegion;
        Period docValid;
        Stacking docStacking = Stacking.叠加;
        final Map<String, Period> docPeriods = new LinkedHashMap<>();
        final Map<String, Parameter> docParams = new LinkedHashMap<>();
        final Map<String, Node> ruleNodes = new LinkedHashMap<>();
        final Map<String, Rule> rules = new LinkedHashMap<>();
        final Set<String> failed = new HashSet<>();
        final Set<String> inProgress = new HashSet<>();

        Load(Path path, YamlDoc doc) {
            this.path = path;
            this.doc = doc;
            Path dir = path.toAbsolutePath().getParent();
            this.docId = dir == null ? "" : dir.getFileName().toString();
        }

        void problem(SourcePos pos, String msg) {
            problems.add(new RuleProblem(pos, msg));
        }

        /** Runs a step; a problem is recorded and the step's result is empty. */
        <T> Optional<T> attempt(java.util.function.Supplier<T> step) {
            try {
                return Optional.ofNullable(step.get());
            } catch (YamlDoc.Problem p) {
                problem(p.pos, p.getMessage());
                return Optional.empty();
            }
        }

        RuleFile run() {
            Node root;
            try {
                root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(readText()));
            } catch (MarkedYAMLException e) {
                var m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                throw new RuleLoadException(m == null ? new SourcePos(doc.file(), 1, 1) : doc.at(m.getLine(), m.getColumn()),
                        "YAML 语法错误：" + e.getProblem());
            }
            if (root == null) {
                throw new RuleLoadException(new SourcePos(doc.file(), 1, 1), "规则文件为空");
            }
            Map<String, Node> top;
            try {
                top = doc.map(root, "规则文件");
                YamlDoc.requireKnownKeys(doc, top, root, TOP_KEYS, "规则文件");
            } catch (YamlDoc.Problem p) {
                throw new RuleLoadException(p.pos, p.getMessage());
            }
            document = attempt(() -> required(top, root, "document", "文号")).orElse("?");
            attempt(() -> {
                String src = top.containsKey("source") ? doc.string(top.get("source"), "source") : "source.txt";
                Path sp = path.toAbsolutePath().getParent().resolve(src);
                try {
                    sourceText = Files.readString(sp, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new YamlDoc.Problem(top.containsKey("source") ? doc.pos(top.get("source")) : doc.pos(root),
                            "找不到原文 " + sp + "（source）");
                }
                return null;
            });
            int measures = attempt(() -> positiveInt(top.get("measures"), root, "measures（措施总数）")).orElse(0);
            docRegion = attempt(() -> region(top.get("region"))).orElse(null);
            docValid = attempt(() -> period(top.get("valid"), "valid")).orElse(null);
            docStacking = attempt(() -> stacking(top.get("stacking"))).orElse(Stacking.叠加);
            attempt(() -> {
                periods(top.get("periods"), docPeriods);
                return null;
            });
            attempt(() -> {
                parameters(top.get("parameters"), docId, docParams);
                return null;
            });
            // pass 1: rule ids, so rules can refer to each other in any order
            List<Node> ruleList = attempt(() -> top.containsKey("rules") ? doc.list(top.get("rules"), "rules") : List.<Node>of())
                    .orElse(List.of());
            for (Node rn : ruleList) {
                attempt(() -> {
                    Map<String, Node> m = doc.map(rn, "规则");
                    String id = required(m, rn, "id", "规则 id");
                    if (!id.startsWith(docId + "/")) {
                        throw doc.problem(m.get("id"), "规则 id '" + id + "' 应以 '" + docId + "/' 开头（目录名）");
                    }
                    if (ruleNodes.put(id, rn) != null) {
                        throw doc.problem(m.get("id"), "重复的规则 id '" + id + "'");
                    }
                    return null;
                });
            }
            for (String id : ruleNodes.keySet()) {
                rule(id);
            }
            List<SharedCap> caps = attempt(() -> caps(top.get("caps"))).orElse(List.of());
            List<Unencoded> unencoded = attempt(() -> unencoded(top.get("unencoded"))).orElse(List.of());
            List<RuleTest> docTests = attempt(() -> tests(top.get("tests"), null)).orElse(List.of());
            // tests of rules are built once every rule is known (they evaluate the whole file)
            List<Rule> finalRules = new ArrayList<>();
            for (Rule r : rules.values()) {
                Map<String, Node> m = doc.map(ruleNodes.get(r.id()), "规则");
                List<RuleTest> tests = attempt(() -> tests(m.get("tests"), r)).orElse(List.of());
                finalRules.add(new Rule(r.id(), r.docId(), r.document(), r.measure(), r.title(), r.quote(), r.kind(),
                        r.delivery(), r.payers(), r.region(), r.valid(), r.ruleClass(), r.stacking(), r.parameters(),
                        r.lets(), r.conditions(), r.amount(), r.amountText(), r.cap(), r.capText(), r.deducts(), tests, r.pos()));
            }
            coverage(measures, finalRules, unencoded, root);
            if (problems.isEmpty()) {
                try {
                    Dependencies.order(finalRules, caps);
                } catch (Dependencies.CycleException e) {
                    problem(e.rule.pos(), e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new RuleLoadException(problems);
            }
            return new RuleFile(path, docId, document, measures, Map.copyOf(docParams), List.copyOf(finalRules),
                    caps, unencoded, docTests);
        }

        String readText() {
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuleLoadException(new SourcePos(doc.file(), 1, 1), e.getMessage());
            }
        }

        String required(Map<String, Node> m, Node at, String key, String what) {
            Node n = m.get(key);
            if (n == null || YamlDoc.isNull(n)) {
                throw doc.problem(at, "缺少 " + key + "（" + what + "）");
            }
            String s = doc.string(n, key);
            if (s.isEmpty()) {
                throw doc.problem(n, key + "（" + what + "）不能为空");
            }
            return s;
        }

        int positiveInt(Node n, Node at, String what) {
            if (n == null) {
                throw doc.problem(at, "缺少 " + what);
            }
            try {
                int v = Integer.parseInt(doc.string(n, what));
                if (v <= 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw doc.problem(n, what + " 应为正整数");
            }
        }

        String region(Node n) {
            if (n == null) {
                return null;
            }
            String r = doc.string(n, "region");
            if (!r.matches("\\d{2,12}")) {
                throw doc.problem(n, "region 应为行政区划代码前缀（数字，如 \"3501\"），实为 '" + r + "'");
            }
            return r;
        }

        Period period(Node n, String what) {
            if (n == null) {
                return null;
            }
            String s = doc.string(n, what);
            try {
                Matcher m = Pattern.compile("(\\d{4}-\\d{2})\\.\\.(\\d{4}-\\d{2})").matcher(s);
                if (m.matches()) {
                    return new Period.Range(java.time.YearMonth.parse(m.group(1)).atDay(1),
                            java.time.YearMonth.parse(m.group(2)).atEndOfMonth());
                }
                return Period.parse(s);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw doc.problem(n, what + " 期间格式错误：" + e.getMessage());
            }
        }

        Stacking stacking(Node n) {
            if (n == null) {
                return null;
            }
            String s = doc.string(n, "stacking");
            try {
                return Stacking.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw doc.problem(n, "stacking 应为 叠加 或 取高不重复，实为 '" + s + "'");
            }
        }

        void periods(Node n, Map<String, Period> into) {
            if (n == null) {
                return;
            }
            doc.map(n, "periods").forEach((k, v) -> {
                if (!NAME.matcher(k).matches()) {
                    throw doc.problem(v, "期间名 '" + k + "' 应为小写英文、数字和下划线");
                }
                into.put(k, period(v, "期间 " + k));
            });
        }

        void parameters(Node n, String prefix, Map<String, Parameter> into) {
            if (n == null) {
                return;
            }
            Map<String, Node> m = doc.map(n, "parameters");
            for (Map.Entry<String, Node> e : m.entrySet()) {
                attempt(() -> {
                    into.put(e.getKey(), parameter(prefix, e.getKey(), e.getValue()));
                    return null;
                });
            }
        }

        Parameter parameter(String prefix, String name, Node n) {
            if (!NAME.matcher(name).matches()) {
                throw doc.problem(n, "参数名 '" + name + "' 应为小写英文、数字和下划线");
            }
            if (Checker.PROFILE_FIELDS.containsKey(name) || catalog.attribute(name).isPresent() || catalog.indicator(name).isPresent()) {
                throw doc.problem(n, "参数名 '" + name + "' 与 indicators.yaml 中的属性/指标或画像字段重名");
            }
            TreeMap<LocalDate, BigDecimal> values = new TreeMap<>();
            Unit unit = null;
            String source = null;
            String label = null;
            if (n instanceof ScalarNode s) {
                Expr.Num v = quantity(s);
                values.put(LocalDate.MIN, v.value());
                unit = v.unit();
            } else {
                Map<String, Node> m = doc.map(n, "参数 " + name);
                YamlDoc.requireKnownKeys(doc, m, n, Set.of("values", "value", "source", "label"), "参数 " + name);
                source = m.containsKey("source") ? doc.string(m.get("source"), "source") : null;
                label = m.containsKey("label") ? doc.string(m.get("label"), "label") : null;
                if (m.containsKey("value")) {
                    Expr.Num v = quantity(doc.scalar(m.get("value"), "value"));
                    values.put(LocalDate.MIN, v.value());
                    unit = v.unit();
                }
                if (m.containsKey("values")) {
                    Node vn = m.get("values");
                    for (Map.Entry<String, Node> e : doc.map(vn, "values").entrySet()) {
                        LocalDate d;
                        try {
                            d = LocalDate.parse(e.getKey());
                        } catch (DateTimeException ex) {
                            ScalarNode k = doc.keyNode(vn, e.getKey());
                            throw new YamlDoc.Problem(k == null ? doc.pos(vn) : doc.pos(k), "参数生效日期应为 2024-01-10 这样的日期，实为 '" + e.getKey() + "'");
                        }
                        Expr.Num v = quantity(doc.scalar(e.getValue(), "参数值"));
                        if (unit != null && !unit.equals(v.unit())) {
                            throw doc.problem(e.getValue(), "参数 " + name + " 各日期的值单位不一致：" + unit.describe() + " 与 " + v.unit().describe());
                        }
                        unit = v.unit();
                        values.put(d, v.value());
                    }
                }
                if (values.isEmpty()) {
                    throw doc.problem(n, "参数 " + name + " 缺少 values（或 value）");
                }
            }
            return new Parameter(prefix + "." + name, name, unit, values, source, label, doc.pos(n));
        }

        String text(Node n) {
            return n instanceof ScalarNode s ? s.getValue().trim() : null;
        }

        /** A literal quantity such as 0.02元/千瓦时, 50%, -3万元. */
        Expr.Num quantity(ScalarNode s) {
            Expr e;
            try {
                e = Parser.parse(s.getValue());
            } catch (ExprException ex) {
                throw new YamlDoc.Problem(doc.pos(s, ex.span().start()), ex.getMessage());
            }
            if (e instanceof Expr.Num n) {
                return n;
            }
            if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.Num n) {
                return new Expr.Num(n.value().negate(), n.unit(), u.span());
            }
            throw doc.problem(s, "应为一个数值（可带单位，如 0.02元/千瓦时、30万元、50%），实为 '" + s.getValue() + "'");
        }

        Checker.Checked expr(Node n, Names names, String what) {
            if (n == null) {
                return null;
            }
            ScalarNode s = doc.scalar(n, what);
            try {
                return Checker.check(Parser.parse(s.getValue()), catalog, names);
            } catch (ExprException e) {
                throw new YamlDoc.Problem(doc.pos(s, e.span().start()), e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new YamlDoc.Problem(doc.pos(s), e.getMessage());
            }
        }

        /** Checks one rule (on demand, so granted()/eligible() of a sibling sees its type); null on error. */
        Rule rule(String id) {
            if (rules.containsKey(id)) {
                return rules.get(id);
            }
            if (failed.contains(id) || inProgress.contains(id)) {
                return null;
            }
            inProgress.add(id);
            int before = problems.size();
            Rule r = null;
            try {
                r = buildRule(id, ruleNodes.get(id));
            } catch (YamlDoc.Problem p) {
                problem(p.pos, p.getMessage());
            } finally {
                inProgress.remove(id);
            }
            if (r == null || problems.size() > before) {
                failed.add(id);
                return null;
            }
            rules.put(id, r);
            return r;
        }

        Rule buildRule(String id, Node rn) {
            Map<String, Node> m = doc.map(rn, "规则");
            YamlDoc.requireKnownKeys(doc, m, rn, RULE_KEYS, "规则 " + id);
            int measure = attempt(() -> positiveInt(m.get("measure"), rn, "measure（措施序号）")).orElse(0);
            String title = attempt(() -> required(m, rn, "title", "标题")).orElse("");
            String quote = attempt(() -> {
                String q = required(m, rn, "quote", "原文引文");
                if (sourceText != null) {
                    QuoteCheck.locate(sourceText, q).ifPresent(x -> {
                        ScalarNode qn = doc.scalar(m.get("quote"), "quote");
                        int lead = qn.getValue().length() - qn.getValue().stripLeading().length();
                        throw new YamlDoc.Problem(doc.pos(qn, lead + x.offset()), x.message());
                    });
                }
                return q;
            }).orElse("");
            Kind kind = attempt(() -> {
                String k = required(m, rn, "kind", "类型");
                try {
                    return Kind.valueOf(k);
                } catch (IllegalArgumentException e) {
                    throw doc.problem(m.get("kind"), "kind 应为 减免、奖补、权益 或 资质，实为 '" + k + "'");
                }
            }).orElse(null);
            Delivery delivery = attempt(() -> {
                String k = required(m, rn, "delivery", "兑现方式");
                try {
                    return Delivery.valueOf(k);
                } catch (IllegalArgumentException e) {
                    throw doc.problem(m.get("delivery"), "delivery 应为 免申即享 或 申请，实为 '" + k + "'");
                }
            }).orElse(null);
            String region = attempt(() -> m.containsKey("region") ? region(m.get("region")) : docRegion).orElse(docRegion);
            Period valid = attempt(() -> m.containsKey("valid") ? period(m.get("valid"), "valid") : docValid).orElse(docValid);
            String ruleClass = m.containsKey("class") ? attempt(() -> doc.string(m.get("class"), "class")).orElse(null) : null;
            Stacking stacking = attempt(() -> m.containsKey("stacking") ? stacking(m.get("stacking")) : docStacking).orElse(docStacking);
            Map<String, Period> periods = new LinkedHashMap<>(docPeriods);
            attempt(() -> {
                periods(m.get("periods"), periods);
                return null;
            });
            Map<String, Parameter> params = new LinkedHashMap<>();
            attempt(() -> {
                parameters(m.get("parameters"), id, params);
                return null;
            });
            Scope scope = new Scope(params, periods);
            List<Let> lets = new ArrayList<>();
            if (m.containsKey("let")) {
                attempt(() -> {
                    Node ln = m.get("let");
                    for (Map.Entry<String, Node> e : doc.map(ln, "let").entrySet()) {
                        attempt(() -> {
                            String name = e.getKey();
                            if (!NAME.matcher(name).matches()) {
                                throw doc.problem(e.getValue(), "中间值名 '" + name + "' 应为小写英文、数字和下划线");
                            }
                            if (scope.lets.containsKey(name) || params.containsKey(name)) {
                                throw doc.problem(e.getValue(), "中间值名 '" + name + "' 与已有名字重复");
                            }
                            Node v = e.getValue();
                            String label = null;
                            Node exprNode = v;
                            if (!(v instanceof ScalarNode)) {
                                Map<String, Node> lm = doc.map(v, "中间值 " + name);
                                YamlDoc.requireKnownKeys(doc, lm, v, Set.of("expr", "label"), "中间值 " + name);
                                exprNode = lm.get("expr");
                                if (exprNode == null) {
                                    throw doc.problem(v, "中间值 " + name + " 缺少 expr");
                                }
                                label = lm.containsKey("label") ? doc.string(lm.get("label"), "label") : null;
                            }
                            Checker.Checked c = expr(exprNode, scope, "中间值 " + name);
                            scope.lets.put(name, c.type());
                            lets.add(new Let(name, label, ((ScalarNode) exprNode).getValue().trim(), c, doc.pos(exprNode)));
                            return null;
                        });
                    }
                    return null;
                });
            }
            List<Condition> conditions = new ArrayList<>();
            if (m.containsKey("eligible")) {
                attempt(() -> {
                    for (Node cn : doc.list(m.get("eligible"), "eligible")) {
                        attempt(() -> {
                            Node exprNode = cn;
                            String label = null;
                            if (!(cn instanceof ScalarNode)) {
                                Map<String, Node> cm = doc.map(cn, "条件");
                                YamlDoc.requireKnownKeys(doc, cm, cn, Set.of("expr", "label"), "条件");
                                exprNode = cm.get("expr");
                                if (exprNode == null) {
                                    throw doc.problem(cn, "条件缺少 expr");
                                }
                                label = cm.containsKey("label") ? doc.string(cm.get("label"), "label") : null;
                            }
                            Checker.Checked c = expr(exprNode, scope, "条件");
                            if (!(c.type() instanceof Type.Bool)) {
                                throw doc.problem(exprNode, "条件必须是布尔值（成立/不成立），实为 " + c.type());
                            }
                            String text = ((ScalarNode) exprNode).getValue().trim();
                            conditions.add(new Condition(label == null ? text : label, text, c, doc.pos(exprNode)));
                            return null;
                        });
                    }
                    return null;
                });
            }
            Checker.Checked amount = attempt(() -> {
                Checker.Checked a = expr(m.get("amount"), scope, "amount");
                if (a != null && !(a.type() instanceof Type.Num n && n.unit().isMoney())) {
                    throw doc.problem(m.get("amount"), "amount 必须是金额（单位 元 或 美元），实为 " + a.type());
                }
                return a;
            }).orElse(null);
            Checker.Checked cap = attempt(() -> {
                Checker.Checked c = expr(m.get("cap"), scope, "cap");
                if (c != null && amount != null && !c.type().equals(amount.type())) {
                    throw doc.problem(m.get("cap"), "cap 的单位应与 amount 相同（" + amount.type() + "），实为 " + c.type());
                }
                if (c != null && m.get("amount") == null) {
                    throw doc.problem(m.get("cap"), "没有 amount 的规则不能有 cap");
                }
                return c;
            }).orElse(null);
            List<String> deducts = attempt(() -> {
                List<String> out = new ArrayList<>();
                if (m.containsKey("deducts")) {
                    for (Node dn : doc.list(m.get("deducts"), "deducts")) {
                        String d = doc.string(dn, "deducts");
                        if (!ruleNodes.containsKey(d)) {
                            throw doc.problem(dn, "未知规则 '" + d + "'（deducts 只能引用同一文件中的规则）");
                        }
                        if (scope.ruleAmount(d).isEmpty()) {
                            throw doc.problem(dn, "规则 '" + d + "' 没有金额，不能扣除");
                        }
                        if (amount != null && !scope.ruleAmount(d).get().equals(amount.type())) {
                            throw doc.problem(dn, "扣除的规则 '" + d + "' 金额币种与本规则不同");
                        }
                        out.add(d);
                    }
                    if (m.get("amount") == null) {
                        throw doc.problem(m.get("deducts"), "没有 amount 的规则不能有 deducts");
                    }
                }
                return out;
            }).orElse(List.of());
            List<Payer> payers = attempt(() -> payers(m, rn, scope, m.get("amount") != null)).orElse(List.of());
            return new Rule(id, docId, document, measure, title, quote, kind, delivery, payers, region, valid, ruleClass,
                    stacking, Map.copyOf(params), List.copyOf(lets), List.copyOf(conditions), amount, text(m.get("amount")), cap,
                    text(m.get("cap")), deducts,
                    List.of(), doc.pos(rn));
        }

        List<Payer> payers(Map<String, Node> m, Node rn, Scope scope, boolean hasAmount) {
            if (m.containsKey("payer") && m.containsKey("payers")) {
                throw doc.problem(m.get("payers"), "payer 与 payers 只能写一个");
            }
            if (m.containsKey("payer")) {
                return List.of(payer(m.get("payer"), scope, false));
            }
            if (m.containsKey("payers")) {
                List<Node> list = doc.list(m.get("payers"), "payers");
                if (list.size() < 2) {
                    throw doc.problem(m.get("payers"), "payers 用于两个及以上付款方；一个付款方请写 payer");
                }
                List<Payer> out = new ArrayList<>();
                for (Node pn : list) {
                    out.add(payer(pn, scope, true));
                }
                return out;
            }
            if (hasAmount) {
                throw doc.problem(rn, "有金额的规则必须写 payer（付款方：level 和 department）");
            }
            return List.of();
        }

        Payer payer(Node n, Scope scope, boolean withShare) {
            Map<String, Node> pm = doc.map(n, "payer");
            YamlDoc.requireKnownKeys(doc, pm, n, withShare ? Set.of("level", "department", "share") : Set.of("level", "department"), "payer");
            String written = required(pm, n, "level", "付款方层级");
            PayerLevel level = PayerLevel.parse(written).orElseThrow(() -> doc.problem(pm.get("level"),
                    "level 应为 " + String.join("、", new TreeSet<>(PayerLevel.labels())) + " 之一，实为 '" + written + "'"));
            String dept = required(pm, n, "department", "付款部门");
            Checker.Checked share = null;
            if (withShare) {
                if (!pm.containsKey("share")) {
                    throw doc.problem(n, "多个付款方时每个都要写 share（份额，无量纲，合计为 1）");
                }
                share = expr(pm.get("share"), scope, "share");
                if (!(share.type() instanceof Type.Num num && num.unit().isNone())) {
                    throw doc.problem(pm.get("share"), "share 必须是无量纲数（如 60% 或 a / (a + b)），实为 " + share.type());
                }
            }
            return new Payer(level, dept, share);
        }

        List<SharedCap> caps(Node n) {
            if (n == null) {
                return List.of();
            }
            List<SharedCap> out = new ArrayList<>();
            Scope scope = new Scope(Map.of(), docPeriods);
            for (Node cn : doc.list(n, "caps")) {
                attempt(() -> {
                    Map<String, Node> m = doc.map(cn, "共享上限");
                    YamlDoc.requireKnownKeys(doc, m, cn, Set.of("id", "rules", "cap", "quote"), "共享上限");
                    String id = required(m, cn, "id", "上限 id");
                    List<String> members = new ArrayList<>();
                    Type t = null;
                    if (!m.containsKey("rules")) {
                        throw doc.problem(cn, "共享上限缺少 rules");
                    }
                    for (Node rn : doc.list(m.get("rules"), "rules")) {
                        String r = doc.string(rn, "规则 id");
                        if (!ruleNodes.containsKey(r)) {
                            throw doc.problem(rn, "未知规则 '" + r + "'");
                        }
                        Optional<Type> at = scope.ruleAmount(r);
                        if (at.isEmpty()) {
                            throw doc.problem(rn, "规则 '" + r + "' 没有金额，不能计入共享上限");
                        }
                        t = at.get();
                        members.add(r);
                    }
                    if (members.size() < 2) {
                        throw doc.problem(m.get("rules"), "共享上限至少涉及两条规则；单条规则请用规则的 cap");
                    }
                    Checker.Checked cap = expr(m.get("cap"), scope, "cap");
                    if (cap == null) {
                        throw doc.problem(cn, "共享上限缺少 cap");
                    }
                    if (!cap.type().equals(t)) {
                        throw doc.problem(m.get("cap"), "cap 的单位应与规则金额相同（" + t + "），实为 " + cap.type());
                    }
                    String quote = m.containsKey("quote") ? doc.string(m.get("quote"), "quote") : null;
                    if (quote != null && sourceText != null) {
                        QuoteCheck.mismatch(sourceText, quote).ifPresent(msg -> {
                            throw doc.problem(m.get("quote"), msg);
                        });
                    }
                    out.add(new SharedCap(id, members, cap, doc.string(m.get("cap"), "cap"), quote, doc.pos(cn)));
                    return null;
                });
            }
            return out;
        }

        List<Unencoded> unencoded(Node n) {
            if (n == null) {
                return List.of();
            }
            List<Unencoded> out = new ArrayList<>();
            for (Node un : doc.list(n, "unencoded")) {
                attempt(() -> {
                    Map<String, Node> m = doc.map(un, "未编码措施");
                    YamlDoc.requireKnownKeys(doc, m, un, Set.of("measure", "category", "reason", "title"), "未编码措施");
                    int measure = positiveInt(m.get("measure"), un, "measure");
                    String cat = required(m, un, "category", "类别");
                    if (!Unencoded.CATEGORIES.contains(cat)) {
                        throw doc.problem(m.get("category"), "category 应为 " + String.join("、", Unencoded.CATEGORIES) + " 之一，实为 '" + cat + "'");
                    }
                    String reason = required(m, un, "reason", "原因");
                    String title = m.containsKey("title") ? doc.string(m.get("title"), "title") : null;
                    out.add(new Unencoded(measure, cat, reason, title, doc.pos(un)));
                    return null;
                });
            }
            return out;
        }

        void coverage(int measures, List<Rule> rs, List<Unencoded> un, Node root) {
            if (measures == 0 || !problems.isEmpty()) {
                return;
            }
            Map<Integer, SourcePos> seen = new HashMap<>();
            for (Rule r : rs) {
                if (r.measure() > measures) {
                    problem(r.pos(), "措施号 " + r.measure() + " 超出 measures: " + measures);
                }
                seen.putIfAbsent(r.measure(), r.pos());
            }
            Set<Integer> unSeen = new HashSet<>();
            for (Unencoded u : un) {
                if (u.measure() > measures) {
                    problem(u.pos(), "措施号 " + u.measure() + " 超出 measures: " + measures);
                }
                if (seen.containsKey(u.measure())) {
                    problem(u.pos(), "措施 " + u.measure() + " 已有规则（" + seen.get(u.measure()) + "），不能再列为未编码");
                }
                if (!unSeen.add(u.measure())) {
                    problem(u.pos(), "措施 " + u.measure() + " 在 unencoded 中重复");
                }
            }
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= measures; i++) {
                if (!seen.containsKey(i) && !unSeen.contains(i)) {
                    missing.add(i);
                }
            }
            if (!missing.isEmpty()) {
                problem(doc.pos(root), "以下措施既没有规则也不在 unencoded 中：" + missing);
            }
        }

        List<RuleTest> tests(Node n, Rule rule) {
            if (n == null) {
                return List.of();
            }
            List<RuleTest> out = new ArrayList<>();
            for (Node tn : doc.list(n, "tests")) {
                attempt(() -> {
                    out.add(test(tn, rule));
                    return null;
                });
            }
            return out;
        }

        RuleTest test(Node tn, Rule rule) {
            Map<String, Node> m = doc.map(tn, "测试");
            YamlDoc.requireKnownKeys(doc, m, tn, Set.of("name", "facts", "expect"), "测试");
            String name = m.containsKey("name") ? doc.string(m.get("name"), "name") : "（未命名）";
            String region = rule != null ? rule.region() : docRegion;
            EnterpriseRecord e = testEnterprise(m.get("facts"), region);
            Node en = m.get("expect");
            if (en == null) {
                throw doc.problem(tn, "测试缺少 expect");
            }
            List<Expectation> exps = new ArrayList<>();
            if (rule != null) {
                exps.add(expectation(rule.id(), en));
            } else {
                for (Map.Entry<String, Node> x : doc.map(en, "expect（按规则 id）").entrySet()) {
                    if (!rules.containsKey(x.getKey())) {
                        ScalarNode k = doc.keyNode(en, x.getKey());
                        throw new YamlDoc.Problem(k == null ? doc.pos(en) : doc.pos(k), "未知规则 '" + x.getKey() + "'");
                    }
                    exps.add(expectation(x.getKey(), x.getValue()));
                }
            }
            return new RuleTest(name, e, exps, doc.pos(tn));
        }

        Expectation expectation(String ruleId, Node n) {
            if (n instanceof ScalarNode s) {
                Optional<Status> st = Status.parse(s.getValue().trim());
                if (st.isPresent()) {
                    return new Expectation(ruleId, st.get(), null, null, null, doc.pos(n));
                }
                return new Expectation(ruleId, Status.ELIGIBLE, money(s), null, null, doc.pos(n));
            }
            Map<String, Node> m = doc.map(n, "expect");
            YamlDoc.requireKnownKeys(doc, m, n, Set.of("status", "amount", "missing", "nearMiss"), "expect");
            Status status = null;
            if (m.containsKey("status")) {
                String s = doc.string(m.get("status"), "status");
                status = Status.parse(s).orElseThrow(() -> doc.problem(m.get("status"),
                        "status 应为 eligible、ineligible 或 undeterminable，实为 '" + s + "'"));
            }
            BigDecimal amount = m.containsKey("amount") ? money(doc.scalar(m.get("amount"), "amount")) : null;
            List<String> missing = null;
            if (m.containsKey("missing")) {
                missing = new ArrayList<>();
                for (Node x : doc.list(m.get("missing"), "missing")) {
                    missing.add(doc.string(x, "missing"));
                }
            }
            String nearMiss = m.containsKey("nearMiss") ? doc.string(m.get("nearMiss"), "nearMiss") : null;
            return new Expectation(ruleId, status, amount, missing, nearMiss, doc.pos(n));
        }

        BigDecimal money(ScalarNode s) {
            Expr.Num n = quantity(s);
            if (!n.unit().isNone() && !n.unit().isMoney()) {
                throw doc.problem(s, "期望金额应为数字（元），实为 '" + s.getValue() + "'");
            }
            return n.value();
        }

        EnterpriseRecord testEnterprise(Node n, String defaultRegion) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            Map<String, String> profile = new HashMap<>();
            Facts facts = Facts.empty();
            if (n != null && !YamlDoc.isNull(n)) {
                for (Map.Entry<String, Node> e : doc.map(n, "facts").entrySet()) {
                    String key = e.getKey().trim();
                    Node v = e.getValue();
                    if (YamlDoc.isNull(v)) {
                        continue;
                    }
                    String text = doc.string(v, key);
                    try {
                        Matcher im = INDEXED.matcher(key);
                        if (Set.of("region", "industry", "size", "name", "uscc").contains(key)) {
                            profile.put(key, text);
                        } else if (im.matches()) {
                            IndicatorCatalog.Indicator ind = catalog.indicator(im.group(1)).orElseThrow(() ->
                                    new IllegalArgumentException("未知指标 '" + im.group(1) + "'：indicators.yaml 的 indicators 中没有它"));
                            Period p = FactText.period(ind, normalizePeriod(im.group(2)));
                            facts.put(new FactValue(ind.id(), p, FactText.indicator(ind, text), Provenance.of("测试")));
                        } else {
                            IndicatorCatalog.Attribute a = catalog.attribute(key).orElseThrow(() -> new IllegalArgumentException(
                                    catalog.indicator(key).isPresent() ? "指标 " + key + " 要写期间，如 \"" + key + "[2024-02]\""
                                            : "未知属性 '" + key + "'：indicators.yaml 的 attributes 中没有它"));
                            attrs.put(a.id(), FactText.attribute(a, text));
                        }
                    } catch (IllegalArgumentException | DateTimeException ex) {
                        ScalarNode k = doc.keyNode(n, e.getKey());
                        throw new YamlDoc.Problem(k == null ? doc.pos(v) : doc.pos(k), ex.getMessage());
                    }
                }
            }
            String region = profile.getOrDefault("region", defaultRegion);
            Enterprise p = new Enterprise(profile.getOrDefault("uscc", "TEST"), profile.getOrDefault("name", "测试企业"),
                    region, profile.get("industry"), profile.get("size"), attrs);
            return new EnterpriseRecord(p, facts);
        }

        String normalizePeriod(String s) {
            Matcher m = Pattern.compile("(\\d{4}-\\d{2})\\.\\.(\\d{4}-\\d{2})").matcher(s.trim());
            if (m.matches()) {
                return java.time.YearMonth.parse(m.group(1)).atDay(1) + ".." + java.time.YearMonth.parse(m.group(2)).atEndOfMonth();
            }
            return s.trim();
        }

        /** Names visible inside one rule. */
        final class Scope implements Names {
            final Map<String, Type> lets = new LinkedHashMap<>();
            final Map<String, Parameter> params;
            final Map<String, Period> periods;

            Scope(Map<String, Parameter> params, Map<String, Period> periods) {
                this.params = params;
                this.periods = periods;
            }

            @Override
            public Optional<Type> let(String name) {
                return Optional.ofNullable(lets.get(name));
            }

            @Override
            public Optional<Param> parameter(String name) {
                Parameter p = params.containsKey(name) ? params.get(name) : docParams.get(name);
                return p == null ? Optional.empty() : Optional.of(new Param(p.qualifiedName(), Type.num(p.unit())));
            }

            @Override
            public Optional<Period> period(String name) {
                return Optional.ofNullable(periods.get(name));
            }

            @Override
            public boolean ruleExists(String ruleId) {
                return ruleNodes.containsKey(ruleId);
            }

            @Override
            public Optional<Type> ruleAmount(String ruleId) {
                Rule r = rule(ruleId);
                if (r != null) {
                    return r.amount() == null ? Optional.empty() : Optional.of(r.amount().type());
                }
                if (inProgress.contains(ruleId)) {
                    throw new ExprException("规则之间循环引用：" + ruleId, new huiqi.rules.lang.Span(0, 0));
                }
                // the referenced rule has its own errors (reported there); assume a yuan amount if it has one
                Node rn = ruleNodes.get(ruleId);
                boolean hasAmount = rn != null && doc.map(rn, "规则").containsKey("amount");
                return hasAmount ? Optional.of(Type.num(huiqi.quantity.Units.YUAN)) : Optional.empty();
            }
        }
    }
}
