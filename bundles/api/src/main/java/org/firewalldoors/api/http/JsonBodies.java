package org.firewalldoors.api.http;

import java.io.Reader;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's strict reader of JSON request bodies, so that every resource of
 * every bundle refuses bad input alike: not JSON, not an object, a duplicate
 * key, nesting deeper than {@link #MAX_DEPTH}, or invalid text are a
 * {@link ApiException} 400 {@code MALFORMED}, never a server error.
 */
@ProviderType
public interface JsonBodies {

    /** The deepest nesting of objects and lists accepted. */
    int MAX_DEPTH = 32;

    /**
     * Reads one JSON object.
     *
     * @return its members as Java values: String, Long or Double, Boolean, null, List, Map (insertion order)
     * @throws ApiException 400 MALFORMED for anything but a well-formed object within the limits
     */
    Map<String, Object> readObject(Reader body);
}
