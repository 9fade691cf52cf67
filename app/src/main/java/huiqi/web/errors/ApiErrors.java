package huiqi.web.errors;

import huiqi.fulfilment.TransitionRefused;
import huiqi.web.batch.BatchInputException;
import huiqi.web.enterprise.EnterpriseNotFound;
import huiqi.web.facts.FactBatchConflict;
import huiqi.web.facts.FactBatchRejected;
import huiqi.web.fulfilment.CaseWorkflow;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Where the REST API turns domain exceptions into HTTP: RFC 9457 problem details with the Chinese message (and
 * the list of problems where there is one). Services throw these exceptions and know nothing of HTTP; the pages
 * handle the ones they expect themselves.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    @ExceptionHandler(TransitionRefused.class)
    ProblemDetail refused(TransitionRefused e) {
        HttpStatus status = switch (e.reason()) {
            case ROLE, NOT_YOURS -> HttpStatus.FORBIDDEN;
            case INPUT -> HttpStatus.BAD_REQUEST;
            case STATE, LIMIT -> HttpStatus.CONFLICT;
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setTitle("操作被拒绝");
        p.setProperty("reason", e.reason().name());
        return p;
    }

    @ExceptionHandler(CaseWorkflow.CaseNotFound.class)
    ProblemDetail caseNotFound(CaseWorkflow.CaseNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(EnterpriseNotFound.class)
    ProblemDetail enterpriseNotFound(EnterpriseNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(BatchInputException.class)
    ProblemDetail batchInput(BatchInputException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("输入有误");
        p.setProperty("problems", e.problems());
        return p;
    }

    @ExceptionHandler(FactBatchRejected.class)
    ProblemDetail factsRejected(FactBatchRejected e) {
        HttpStatus status = e.malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setTitle(e.malformed() ? "请求格式错误" : "数据校验未通过");
        p.setProperty("problems", e.problems());
        return p;
    }

    @ExceptionHandler(FactBatchConflict.class)
    ProblemDetail factsConflict(FactBatchConflict e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("批次号冲突");
        p.setProperty("original", e.original());
        return p;
    }

    /** Input the domain refused (an unknown action, a budget below what is paid…). */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
