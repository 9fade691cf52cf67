package huiqi.policy;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import huiqi.fuzzing.Fuzzing;

/**
 * Fuzz targets of the policy parser (issue #15). {@code mvn verify} replays the inputs stored under
 * PolicyParserFuzzTestInputs/; scripts/fuzz explores new ones. Documented behaviour: text never makes the parser
 * throw; bytes (an upload in any encoding, or a damaged .docx/.pdf) give a document or a {@link PolicyReadException}.
 */
class PolicyParserFuzzTest {
    /**
     * The Fujian table instead of the national one: matching the issuer against all 3,366 divisions is 60% of a
     * parse and is data, not logic; the smaller table walks the same code ~3 times faster, so a run reaches 10^5 inputs.
     */
    private static final PolicyParser PARSER = new PolicyParser(RegionTable.fujian());

    @FuzzTest(maxExecutions = Fuzzing.INPUTS, maxDuration = Fuzzing.MAX_DURATION)
    void text(byte[] input) throws Exception {
        String text = new String(input, UTF_8);
        Fuzzing.withinTime("PolicyParser.parse(String)", () -> PARSER.parse(text));
    }

    @FuzzTest(maxExecutions = Fuzzing.INPUTS, maxDuration = Fuzzing.MAX_DURATION)
    void upload(byte[] input) throws Exception {
        Fuzzing.withinTime("PolicyParser.parse(byte[])", () -> {
            try {
                PARSER.parse(input, "upload.txt");
            } catch (PolicyReadException e) {
                Fuzzing.requireMessage(e);
            }
        });
    }
}
