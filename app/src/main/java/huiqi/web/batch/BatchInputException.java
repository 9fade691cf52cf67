package huiqi.web.batch;

import java.util.List;

/** A run request that failed validation; every problem is listed in Chinese. */
public class BatchInputException extends RuntimeException {
    private final List<String> problems;

    public BatchInputException(List<String> problems) {
        super(String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
