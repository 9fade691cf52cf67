package huiqi.web.errors;

import huiqi.fulfilment.TransitionRefused;
import huiqi.web.batch.BatchInputException;
import huiqi.web.enterprise.EnterpriseNotFound;
import huiqi.web.facts.FactBatchConflict;
import huiqi.web.facts.FactBatchRejected;
import huiqi.web.fulfilment.BulkBodyLimit;
import huiqi.web.fulfilment.CaseWorkflow;
import huiqi.web.problem.StatusTexts;
import huiqi.web.supervision.ReportRejected;
import java.time.DateTimeException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import jakarta.servlet.ServletException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Where the REST API turns domain exceptions into HTTP: RFC 9457 problem details with the Chinese message (and
 * the list of problems where there is one). Services throw these exceptions and know nothing of HTTP; the pages
 * handle the ones they expect themselves.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {
    private final String uploadLimit;

    ApiErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") String uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

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
        return titled(HttpStatus.NOT_FOUND, e.getMessage(), "未找到");
    }

    @ExceptionHandler(EnterpriseNotFound.class)
    ProblemDetail enterpriseNotFound(EnterpriseNotFound e) {
        return titled(HttpStatus.NOT_FOUND, e.getMessage(), "未找到");
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

    @ExceptionHandler(ReportRejected.class)
    ProblemDetail reportRejected(ReportRejected e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        p.setTitle("数据校验未通过");
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
        return titled(HttpStatus.BAD_REQUEST, e.getMessage(), "输入有误");
    }

    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail typeMismatch(TypeMismatchException e) {
        return input(InputErrors.typeMismatch(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return input(InputErrors.missing(e));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BulkBodyLimit.TooLarge) { // a body of unknown length cut off while it was read
                return titled(HttpStatus.CONTENT_TOO_LARGE, t.getMessage(), "请求过大");
            }
        }
        return input(InputErrors.unreadable(e));
    }

    @ExceptionHandler(DateTimeException.class)
    ProblemDetail dateTime(DateTimeException e) {
        return input(InputErrors.dateTime(e));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, InputErrors.tooLarge(uploadLimit));
        p.setTitle("文件过大");
        return p;
    }

    /**
     * Spring's own HTTP errors and the ResponseStatusExceptions controllers throw (404 for a missing record, 405,
     * 415…): problem+json with a Chinese title, and the controller's reason where it gave a Chinese one.
     */
    @ExceptionHandler({ErrorResponseException.class, ServletException.class})
    ResponseEntity<ProblemDetail> errorResponse(Exception e) throws Exception {
        if (!(e instanceof ErrorResponse r)) {
            throw e;
        }
        int status = r.getStatusCode().value();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(r.getStatusCode(), StatusTexts.detail(status, reason(e)));
        p.setTitle(StatusTexts.title(status));
        return ResponseEntity.status(status).headers(r.getHeaders()).body(p);
    }

    static String reason(Exception e) {
        return e instanceof ResponseStatusException rse ? rse.getReason() : ((ErrorResponse) e).getBody().getDetail();
    }

    /** Numbers or text the database cannot hold: the caller's input, not a server fault. */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ProblemDetail outOfRange(org.springframework.dao.DataAccessException e) {
        return input(InputErrors.outOfRange(e).orElseThrow(() -> e));
    }

    /** Spring's default title is the English reason phrase ("Bad Request", "Not Found"): every answer here has a Chinese one. */
    private static ProblemDetail titled(HttpStatus status, String detail, String title) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    private static ProblemDetail input(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("请求格式错误");
        return p;
    }
}
