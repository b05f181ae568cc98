/**
 * What a plugin needs to serve part of the host's HTTP API: the servlet
 * context to select (authentication, error shape and size limit are applied
 * there, in one place), where the caller's principal is found, and the
 * exception that becomes an error response.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.firewalldoors.api.http;
