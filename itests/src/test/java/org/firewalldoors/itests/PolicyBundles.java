package org.firewalldoors.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds data-only policy bundles in memory, as an admin would build and drop them into load/. */
final class PolicyBundles {

    private PolicyBundles() {
    }

    static InputStream bundle(String symbolicName, String version, String json) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Firewall-Policy", "policy/test.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("policy/test.json"));
            jar.write(json.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /**
     * A test policy for region ZZ, which no shipped policy serves: every Task created is flagged (so the audit
     * trail shows which version decided), and a Task whose subject mentions a quarterly quota is refused.
     */
    static String zzPolicy(String version) {
        return """
                {"id": "zz-test", "version": "%s", "region": "ZZ", "citation": "test policy",
                 "termLists": {"quota-talk": ["quarterly quota"]},
                 "rules": [
                   {"id": "zz.test.flag-every-task", "requirement": "X6", "citation": "test", "message": "every task is flagged",
                    "effect": "FLAG", "when": {"actions": ["CREATE"], "recordTypes": ["Task"]}},
                   {"id": "zz.test.no-quota-talk", "requirement": "H2", "citation": "test", "message": "No quota talk.",
                    "effect": "BLOCK", "when": {"actions": ["CREATE"], "recordTypes": ["Task"],
                    "fields": [{"field": "subject", "terms": "quota-talk"}]}}
                 ]}
                """.formatted(version);
    }
}
