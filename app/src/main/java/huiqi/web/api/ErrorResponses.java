package huiqi.web.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

/**
 * Declares on every operation the 4xx answers it can give, all problem+json: 401 (every endpoint needs a signed-in
 * user), 403 (each carries a role rule), 400 where it takes parameters or a body, 404 where it names a record in its
 * path. Derived from the handler method, so a new endpoint is described without annotations of its own.
 */
@Component
class ErrorResponses implements OperationCustomizer {
    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean namesARecord = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        boolean roleRule = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
        if (takesInput) {
            add(responses, "400", BAD_REQUEST);
        }
        add(responses, "401", UNAUTHORIZED);
        if (roleRule) {
            add(responses, "403", FORBIDDEN);
        }
        if (namesARecord) {
            add(responses, "404", NOT_FOUND);
        }
        operation.setResponses(responses);
        return operation;
    }

    private static void add(ApiResponses responses, String status, String component) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + component));
        }
    }
}
