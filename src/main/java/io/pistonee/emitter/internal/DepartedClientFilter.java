package io.pistonee.emitter.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The container's side of {@link DepartedClients}: the response's stream remembers the first write
 * that fails (the client closed the connection) in a request attribute, and from then on its flush
 * and close do nothing, so the JAX-RS runtime, which flushes and closes the stream after the
 * entity, logs no second error for a connection that is gone. Writes still fail, so whatever is
 * producing the body stops.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DepartedClientFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Request attribute: the {@link IOException} with which the client's connection failed. */
    static final String FAILURE = DepartedClientFilter.class.getName() + ".failure";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new Response(request, response));
    }

    private static final class Response extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private ServletOutputStream stream;

        Response(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new Stream(request, super.getOutputStream());
            }
            return stream;
        }
    }

    private static final class Stream extends ServletOutputStream {

        private final HttpServletRequest request;
        private final ServletOutputStream out;
        private IOException failure;

        Stream(HttpServletRequest request, ServletOutputStream out) {
            this.request = request;
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            check();
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            check();
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            if (failure == null) {
                try {
                    out.flush();
                } catch (IOException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (failure == null) {
                try {
                    out.close();
                } catch (IOException e) {
                    failed(e);
                }
            }
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }

        private void check() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }

        private IOException failed(IOException e) {
            failure = e;
            request.setAttribute(FAILURE, e);
            return e;
        }
    }
}
