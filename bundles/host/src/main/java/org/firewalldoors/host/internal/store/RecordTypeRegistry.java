package org.firewalldoors.host.internal.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RecordTypeProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The record types the host serves: the standard ones and those plugins declare (whiteboard). */
@Component(service = RecordTypeRegistry.class)
public final class RecordTypeRegistry {

    private static final System.Logger LOG = System.getLogger(RecordTypeRegistry.class.getName());

    private final List<RecordTypeProvider> providers = new CopyOnWriteArrayList<>();
    private volatile Map<String, RecordTypeDescriptor> types = Map.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(RecordTypeProvider provider) {
        providers.add(provider);
        rebuild();
    }

    void removeProvider(RecordTypeProvider provider) {
        providers.remove(provider);
        rebuild();
    }

    private synchronized void rebuild() {
        Map<String, RecordTypeDescriptor> all = new LinkedHashMap<>();
        for (RecordTypeProvider provider : providers) {
            for (RecordTypeDescriptor d : provider.recordTypes()) {
                RecordTypeDescriptor previous = all.putIfAbsent(d.name(), d);
                if (previous != null && !previous.equals(d)) {
                    LOG.log(System.Logger.Level.WARNING, "record type {0} declared twice; keeping the first", d.name());
                }
            }
        }
        types = Map.copyOf(all);
    }

    /** @return the descriptor of a type, if served */
    public Optional<RecordTypeDescriptor> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** @return every served type */
    public List<RecordTypeDescriptor> all() {
        return List.copyOf(types.values());
    }
}
