package org.firewalldoors.api.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's store of CRM records. Plugins reach storage only through it, so no
 * path skips the interceptors (see the package documentation for the contract).
 * Every method throws {@link OperationRefusedException} when the operation is
 * refused, {@link InvalidRecordException} for malformed input, and
 * {@link RecordNotFoundException} when the record does not exist or the caller
 * may not see it.
 */
@ProviderType
public interface RecordStore {

    /** @return the record types the host serves now */
    List<RecordTypeDescriptor> recordTypes();

    /** @return the descriptor of a record type, if the host serves it */
    Optional<RecordTypeDescriptor> recordType(String type);

    /**
     * Stores a new record owned by the caller in the caller's region.
     *
     * @return the stored record, as the caller may see it
     */
    CrmRecord create(Caller caller, String type, Map<String, Object> fields);

    /** @return the record as the caller may see it, or empty if absent or concealed */
    Optional<CrmRecord> read(Caller caller, String type, String id);

    /**
     * Lists the records of a type whose fields equal the given criteria, as the
     * caller may see them; records the caller may not see are left out. The
     * criteria are matched against what the caller may see: a criterion on a
     * field kept from the caller matches nothing.
     */
    List<CrmRecord> query(Caller caller, String type, Map<String, Object> criteria);

    /**
     * Changes fields of a record: a {@code null} value removes the field.
     *
     * @param expectedVersion the version the caller last saw, or 0 to skip the check
     * @return the updated record, as the caller may see it
     * @throws StaleRecordException if the version is not current
     */
    CrmRecord update(Caller caller, String type, String id, Map<String, Object> changes, long expectedVersion);

    /** Removes a record. */
    void delete(Caller caller, String type, String id);

    /** Gives another user access to a record; the recipient is a related principal of the operation. */
    void share(Caller caller, String type, String id, String recipientId);

    /** Makes a user responsible for a record by setting its {@code assignee} field. */
    CrmRecord assign(Caller caller, String type, String id, String assigneeId);

    /** Hands out every record of a type matching criteria, as the caller may see them, for bulk export. */
    List<CrmRecord> export(Caller caller, String type, Map<String, Object> criteria);

    /**
     * Streams the records of a type matching criteria, as the caller may see
     * them, whose visible (last update, id) comes strictly after {@code after},
     * in creation order: each record is decided as an EXPORT and records the
     * caller may not see are skipped. The update time and version a caller sees
     * move only with the fields they may see, so neither they nor the order
     * tell when a field kept from them changed. Memory use does not grow with
     * the number of records.
     *
     * @param after where a previous export stopped, or {@code null} for the start
     * @param sink  receives each record; may throw to stop the export
     * @return how many records the sink received
     */
    long export(Caller caller, String type, Map<String, Object> criteria, ExportCursor after,
            Consumer<CrmRecord> sink);
}
