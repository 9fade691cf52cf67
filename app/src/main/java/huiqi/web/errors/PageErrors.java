package huiqi.web.errors;

import huiqi.web.batch.BatchInputException;
import huiqi.web.problem.Problems;
import huiqi.web.problem.StatusTexts;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DateTimeException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Malformed input on the pages: a Chinese error page with the right status (400, 413) instead of 500 or Spring's
 * English. The API's answers come from {@link ApiErrors}, which is consulted first (it handles every type
 * handled here, so a REST controller never gets an HTML page from this advice).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after ApiErrors, before Spring Boot's English problem details
class PageErrors {
    private final String uploadLimit;

    PageErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") String uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

    @ExceptionHandler(BatchInputException.class)
    ModelAndView batchInput(BatchInputException e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), response);
    }

    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView typeMismatch(TypeMismatchException e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, InputErrors.typeMismatch(e), response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, InputErrors.missing(e), response);
    }

    @ExceptionHandler(DateTimeException.class)
    ModelAndView dateTime(DateTimeException e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, InputErrors.dateTime(e), response);
    }

    /**
     * An upload over the limit is refused while the DispatcherServlet parses the multipart body, before a handler
     * is chosen, so {@link ApiErrors} (limited to REST controllers) is never asked: this advice answers for the API
     * too, with problem+json.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String message = InputErrors.tooLarge(uploadLimit);
        if (Problems.isApi(request)) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "文件过大", message);
            return null; // answered
        }
        return page(HttpStatus.CONTENT_TOO_LARGE, message, response);
    }

    /**
     * A record that does not exist or is not the user's (the ResponseStatusExceptions the page controllers throw),
     * an unknown address, a wrong method: the Chinese 403/404 page, or the input page with the status. For /api/**
     * answered here (no REST controller was chosen, e.g. an unknown API address) the answer is problem+json.
     */
    @ExceptionHandler({ErrorResponseException.class, ServletException.class})
    ModelAndView errorResponse(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!(e instanceof ErrorResponse r)) {
            throw e;
        }
        int status = r.getStatusCode().value();
        String detail = StatusTexts.detail(status, ApiErrors.reason(e));
        if (Problems.isApi(request)) {
            r.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            Problems.write(response, status, detail);
            return null; // answered
        }
        if (status == 403 || status == 404) {
            response.setStatus(status);
            ModelAndView mv = new ModelAndView("error/" + status);
            mv.setStatus(HttpStatus.valueOf(status));
            mv.addObject("status", status);
            mv.addObject("reason", detail);
            return mv;
        }
        return page(HttpStatus.valueOf(status), detail, response);
    }

    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ModelAndView outOfRange(org.springframework.dao.DataAccessException e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, InputErrors.outOfRange(e).orElseThrow(() -> e), response);
    }

    private static ModelAndView page(HttpStatus status, String message, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView mv = new ModelAndView("error/input");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("message", message);
        return mv;
    }
}
