package huiqi.testdata;

import java.util.List;

/**
 * Where the generator learns the thresholds it must straddle. {@link DocumentedBoundaries} is a table kept in
 * step with the rule files by a test; a source reading the loaded rules' AST can replace it.
 */
public interface BoundarySource {
    List<Boundary> boundaries();
}
