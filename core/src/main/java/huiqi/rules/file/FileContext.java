package huiqi.rules.file;

import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the readers of one rule file share: the document, its problems and its file-level settings. */
final class FileContext {
    final Path path;
    final YamlDoc doc;
    final IndicatorCatalog catalog;
    final Problems problems = new Problems();
    final Fields fields;
    final Expressions expressions;
    final String docId;
    String document = "?";
    /** The policy's text (source.txt); null if it could not be read (reported), then quotes are not checked. */
    String sourceText;
    /** The policy's text when the rule file comes from storage rather than a directory; null: read it from disk. */
    String givenSource;
    String region;
    /** The 园区 / 功能区 the file's rules apply in (rules may override), canonical name; null for none. */
    String zone;
    ValidityReader.Spec validSpec;
    Validity valid;
    Stacking stacking = Stacking.COMBINED;
    /** The document scope ({@code scope:}): lets and conditions every rule of the file starts with; empty if none. */
    Map<String, org.yaml.snakeyaml.nodes.Node> scope = Map.of();
    final Map<String, Period> periods = new LinkedHashMap<>();
    final Map<String, Parameter> parameters = new LinkedHashMap<>();
    /** File-level parameter and period names whose definition has an error: using them reports nothing more. */
    final Set<String> brokenNames = new HashSet<>();

    FileContext(Path path, YamlDoc doc, IndicatorCatalog catalog) {
        this.path = path;
        this.doc = doc;
        this.catalog = catalog;
        this.fields = new Fields(doc);
        this.expressions = new Expressions(doc, catalog);
        Path dir = path.toAbsolutePath().getParent();
        this.docId = dir == null ? "" : dir.getFileName().toString();
    }
}
