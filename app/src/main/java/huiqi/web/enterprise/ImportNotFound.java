package huiqi.web.enterprise;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A page or action about an import that is not in the history: 404. */
class ImportNotFound extends ResponseStatusException {
    ImportNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "没有第 " + id + " 号导入");
    }
}
