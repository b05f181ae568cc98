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
 * <li>Fail closed: where interception is required and no interceptor is
 * ready, operations on guarded record types are refused with
 * {@link org.firewalldoors.api.host.RefusalKind#POLICY_UNAVAILABLE}.</li>
 * <li>Writes are transactional: a refused or failed operation leaves nothing
 * behind.</li>
 * </ol>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.firewalldoors.api.host;
