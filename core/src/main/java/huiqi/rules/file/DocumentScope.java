package huiqi.rules.file;

import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The document scope ({@code scope:} in rules.yaml): derived values ({@code let}) and conditions ({@code eligible})
 * the clause states once for every measure of the document (适用于中小微企业；在本区注册、纳税、纳统). Each rule is checked
 * and evaluated as if it began with them, so the checker, the interpreter, the SQL compilers and the rule plan treat
 * them as the rule's own; they are written once in the file.
 */
final class DocumentScope {
    private DocumentScope() {
    }

    static Map<String, Node> read(Node n, YamlDoc doc, Problems problems) {
        if (n == null) {
            return Map.of();
        }
        Map<String, Node> m = doc.map(n, "scope（全文件共用的条件和中间值）");
        doc.requireKnownKeys(m, n, Set.of("let", "eligible"), "scope", problems);
        return Map.copyOf(m);
    }
}
