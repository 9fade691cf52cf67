package huiqi.web.fulfilment;

import huiqi.fulfilment.TransitionRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the fulfilment API as RFC 9457 problem details with the Chinese message. */
@RestControllerAdvice(assignableTypes = FulfilmentApiController.class)
class FulfilmentErrors {

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
    ProblemDetail notFound(CaseWorkflow.CaseNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail bad(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
