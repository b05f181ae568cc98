package org.firewalldoors.kol.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A profile's fields followed by its record's region, read-only: what the door is shown, without copying the
 * fields first (the record the door sees makes its own copy).
 */
final class WithRegion extends AbstractMap<String, Object> {

    private final Map<String, Object> fields;
    private final Entry<String, Object> region;

    private WithRegion(Map<String, Object> fields, String region) {
        this.fields = fields;
        this.region = new SimpleImmutableEntry<>(KolFields.REGION, region);
    }

    /** @return the fields with {@code region} set to the record's region, in the order a {@link LinkedHashMap} puts it */
    static Map<String, Object> of(Map<String, Object> fields, String region) {
        if (fields.containsKey(KolFields.REGION)) {
            Map<String, Object> all = new LinkedHashMap<>(fields);
            all.put(KolFields.REGION, region);
            return all;
        }
        return new WithRegion(fields, region);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<Entry<String, Object>> first = fields.entrySet().iterator();
                return new Iterator<>() {
                    private boolean last;

                    @Override
                    public boolean hasNext() {
                        return first.hasNext() || !last;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (first.hasNext()) {
                            return first.next();
                        }
                        if (last) {
                            throw new NoSuchElementException();
                        }
                        last = true;
                        return region;
                    }
                };
            }

            @Override
            public int size() {
                return fields.size() + 1;
            }
        };
    }

    @Override
    public int size() {
        return fields.size() + 1;
    }

    @Override
    public Object get(Object key) {
        return KolFields.REGION.equals(key) ? region.getValue() : fields.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return KolFields.REGION.equals(key) || fields.containsKey(key);
    }
}
