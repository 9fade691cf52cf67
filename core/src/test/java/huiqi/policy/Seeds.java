package huiqi.policy;

import java.nio.file.Path;

/** The three seed documents of the policy library, for tests. */
final class Seeds {
    static final PolicyLibrary LIBRARY = PolicyLibrary.locate();

    private Seeds() {
    }

    static Path source(String id) {
        return LIBRARY.sourceOf(id);
    }

    static PolicyDocument parse(String id) {
        try {
            return new PolicyParser().parse(source(id));
        } catch (PolicyReadException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
