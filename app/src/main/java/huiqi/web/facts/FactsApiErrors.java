package huiqi.web.facts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused batches as RFC 9457 problem details: every problem with its item index, field and reason. */
@RestControllerAdvice(assignableTypes = FactsApiController.class)
class FactsApiErrors {

    @ExceptionHandler(FactBatchRejected.class)
    ProblemDetail rejected(FactBatchRejected e) {
        HttpStatus status = e.malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setTitle(e.malformed() ? "请求格式错误" : "数据校验未通过");
        p.setProperty("problems", e.problems());
        return p;
    }

    @ExceptionHandler(FactBatchConflict.class)
    ProblemDetail conflict(FactBatchConflict e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("批次号冲突");
        p.setProperty("original", e.original());
        return p;
    }
}
