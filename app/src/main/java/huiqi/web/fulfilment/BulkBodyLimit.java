package huiqi.web.fulfilment;

import huiqi.web.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the body of a bulk action before anything parses it: {@link CaseWorkflow#MAX_BULK} ids and a reason fit in
 * {@link #MAX_BYTES}, so a larger body is refused with 413 instead of being read whole into memory (a 10 MB list of
 * ids took the parser seconds before the 1000-id check could refuse it). Runs before the security filters, which
 * read the form body for the CSRF token. A body of unknown length is cut off while it is read.
 */
public class BulkBodyLimit extends OncePerRequestFilter {
    static final int MAX_BYTES = 128 * 1024;
    static final String MESSAGE = "请求过大：批量操作的请求体最大 " + MAX_BYTES / 1024 + " KB（一次最多 " + CaseWorkflow.MAX_BULK
            + " 件），请分批提交";
    /** Request attribute the 413 page shows instead of its upload sentence. */
    static final String PAGE_MESSAGE = "requestTooLarge";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new Bounded(request), response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Problems.isApi(request)) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "请求过大", MESSAGE);
        } else {
            request.setAttribute(PAGE_MESSAGE, MESSAGE);
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
        }
    }

    /** Thrown by the bounded stream; the API answers it with 413 (see ApiErrors). */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super(MESSAGE);
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
