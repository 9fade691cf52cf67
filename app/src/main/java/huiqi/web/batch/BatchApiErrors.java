package huiqi.web.batch;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Rejected batch-run requests as RFC 9457 problem details: every problem listed in Chinese. */
@RestControllerAdvice(assignableTypes = BatchRunApiController.class)
class BatchApiErrors {

    @ExceptionHandler(BatchInputException.class)
    ProblemDetail invalid(BatchInputException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("输入有误");
        p.setProperty("problems", e.problems());
        return p;
    }
}
