package io.pistonee.parser;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.util.List;

/**
 * A request body format: a {@code MessageBodyReader} of {@link RequestData} that is also a CDI bean,
 * so the framework can answer 415 with the list of what it reads before any body is touched.
 *
 * <pre>{@code
 * @Provider
 * @ApplicationScoped
 * @Consumes("application/x-www-form-urlencoded")
 * public class FormParser implements Parser { ... }
 * }</pre>
 */
public interface Parser extends MessageBodyReader<RequestData> {

    /** The content types this parser reads. */
    List<MediaType> mediaTypes();
}
