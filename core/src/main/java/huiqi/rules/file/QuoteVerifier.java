package huiqi.rules.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the policy's source text and checks quotes against it ({@link QuoteCheck}), pointing at the first wrong character. */
final class QuoteVerifier {
    private final FileContext ctx;
    private final YamlDoc doc;

    QuoteVerifier(FileContext ctx) {
        this.ctx = ctx;
        this.doc = ctx.doc;
    }

    /** Reads source.txt (or the file named by {@code source}) next to the rules into the context. */
    void readSource(Map<String, Node> top, Node root) {
        if (ctx.givenSource != null) {
            ctx.sourceText = ctx.givenSource;
            return;
        }
        String src = top.containsKey("source") ? doc.string(top.get("source"), "source") : "source.txt";
        Path sp = ctx.path.toAbsolutePath().getParent().resolve(src);
        try {
            ctx.sourceText = Files.readString(sp, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new YamlDoc.Problem(top.containsKey("source") ? doc.pos(top.get("source")) : doc.pos(root),
                    "找不到原文 " + sp + "（source）");
        }
    }

    /** A rule's required quote; a mismatch is reported at the character where it stops matching. */
    String ruleQuote(Map<String, Node> rule, Node at) {
        String q = ctx.fields.required(rule, at, "quote", "原文引文");
        if (ctx.sourceText != null) {
            QuoteCheck.locate(ctx.sourceText, q).ifPresent(x -> {
                ScalarNode qn = doc.scalar(rule.get("quote"), "quote");
                int lead = qn.getValue().length() - qn.getValue().stripLeading().length();
                throw new YamlDoc.Problem(doc.pos(qn, lead + x.offset()), x.message());
            });
        }
        return q;
    }

    /** An optional quote (of a shared cap), reported at the quote if it does not match. */
    String optionalQuote(Map<String, Node> m) {
        String quote = ctx.fields.optional(m, "quote");
        if (quote != null && ctx.sourceText != null) {
            QuoteCheck.mismatch(ctx.sourceText, quote).ifPresent(msg -> {
                throw doc.problem(m.get("quote"), msg);
            });
        }
        return quote;
    }
}
