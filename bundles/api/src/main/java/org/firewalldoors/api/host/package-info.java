/**
 * The host SPI: what a CRM host provides so that the firewall can guard it.
 *
 * <h2>The contract of a host</h2>
 * A host that offers {@link org.firewalldoors.api.host.RecordStore} promises:
 * <ol>
 * <li>Every operation on every record type - create, read, query, update,
 * delete, share, export, assign - is described as one
 * {@link org.firewalldoors.api.host.Operation} and passed to every registered
 * {@link org.firewalldoors.api.host.OperationInterceptor} before it takes
 * effect, whatever the channel (HTTP, Java service call, bulk import, shell).</li>
 * <li>The decisions are combined, a block winning over everything else, and
 * applied: a blocked operation stores nothing and throws
 * {@link org.firewalldoors.api.host.OperationRefusedException}; what is read is
 * filtered by the decision (redacted fields removed, concealed records
 * absent as if they did not exist).</li>
 * <li>Fail closed: where interception is required and the compliance
 * interceptor (service property {@code org.firewalldoors.decision=compliance})
 * is not ready, operations on guarded record types are refused with
 * {@link org.firewalldoors.api.host.RefusalKind#POLICY_UNAVAILABLE}, whatever
 * other interceptors are registered.</li>
 * <li>Queries and exports decide every record of the type and match their
 * criteria against what each record shows the caller; the interceptors are
 * told once per list what it came to
 * ({@link org.firewalldoors.api.host.OperationInterceptor#listed}).</li>
 * <li>Writes are transactional: a refused or failed operation leaves nothing
 * behind; an allowed write is told to the interceptors inside its transaction
 * ({@link org.firewalldoors.api.host.OperationInterceptor#applied}), and rolls
 * back if one of them cannot record it.</li>
 * </ol>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.firewalldoors.api.host;
