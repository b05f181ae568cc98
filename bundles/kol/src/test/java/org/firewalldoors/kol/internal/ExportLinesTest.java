package org.firewalldoors.kol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.kol.KolExportFormat;
import org.firewalldoors.api.kol.KolExportSummary;
import org.junit.jupiter.api.Test;

/** The export formats: one profile per line, the trailer last, its hash over the bytes before it. */
class ExportLinesTest {

    private static Map<String, Object> fields(String hcpId, String interest) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("hcpId", hcpId);
        f.put("name", "Dr. \"Ada\" Heart, MD");
        f.put("scientificInterests", List.of(interest));
        f.put("peers", List.of(new java.util.TreeMap<>(Map.of("hcpId", "hcp-2", "relation", "co-author"))));
        f.put("tier", 2);
        return f;
    }

    private static String sha256(byte[] bytes, int length) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(bytes, 0, length);
        return HexFormat.of().formatHex(d.digest());
    }

    private static int lastLineStart(byte[] bytes) {
        int i = bytes.length - 2; // before the final line break
        while (i >= 0 && bytes[i] != '\n') {
            i--;
        }
        return i + 1;
    }

    @Test
    void ndjsonWritesOneObjectPerLineAndATrailerHashingTheLinesBeforeIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportLines lines = ExportLines.of(KolExportFormat.NDJSON, out);
        lines.write(fields("hcp-1", "line one\nline two \u2028 and ünïcode"));
        lines.write(fields("hcp-2", "HFpEF"));
        KolExportSummary s = lines.finish(2, "us", "1.0.0", "CURSOR");

        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] all = text.split("\n", -1);
        assertEquals(4, all.length, text);
        assertEquals("", all[3], "every line ends with a line break");
        JsonObject first = JsonParser.parseString(all[0]).getAsJsonObject();
        assertEquals("line one\nline two \u2028 and ünïcode",
                first.getAsJsonArray("scientificInterests").get(0).getAsString());
        assertEquals(List.of("hcpId", "name", "scientificInterests", "peers", "tier"), List.copyOf(first.keySet()));
        assertEquals(2, first.get("tier").getAsInt());

        JsonObject trailer = JsonParser.parseString(all[2]).getAsJsonObject().getAsJsonObject("trailer");
        assertEquals(2, trailer.get("count").getAsLong());
        assertEquals("us", trailer.get("policy").getAsString());
        assertEquals("1.0.0", trailer.get("policyVersion").getAsString());
        assertEquals("CURSOR", trailer.get("cursor").getAsString());
        assertEquals(sha256(bytes, lastLineStart(bytes)), trailer.get("sha256").getAsString());
        assertEquals(s.sha256(), trailer.get("sha256").getAsString());
    }

    @Test
    void anEmptyExportIsJustTheTrailerOverNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportLines.of(KolExportFormat.NDJSON, out).finish(0, "us", "1.0.0", "C");
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"trailer\":{\"count\":0,"), text);
        assertTrue(text.contains(sha256(new byte[0], 0)), "the hash of no bytes");
    }

    @Test
    void nothingIsWrittenBeforeTheFirstProfile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportLines.of(KolExportFormat.CSV, out);
        assertEquals(0, out.size(), "a refusal after opening the export can still be a clean error response");
    }

    @Test
    void csvHasAHeaderQuotesWhatNeedsItAndEndsWithATrailerRow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportLines lines = ExportLines.of(KolExportFormat.CSV, out);
        lines.write(fields("hcp-1", "a, b"));
        Map<String, Object> formula = new LinkedHashMap<>();
        formula.put("hcpId", "hcp-3");
        formula.put("name", "=HYPERLINK(\"http://evil\")");
        lines.write(formula);
        lines.finish(2, "us", "1.0,0", "CUR");
        byte[] bytes = out.toByteArray();
        String[] rows = new String(bytes, StandardCharsets.UTF_8).split("\r\n", -1);
        assertEquals(String.join(",", KolFields.EXPORTABLE), rows[0]);
        assertEquals("hcp-1,\"Dr. \"\"Ada\"\" Heart, MD\",,,,\"[\"\"a, b\"\"]\",,,,,,"
                + "\"[{\"\"hcpId\"\":\"\"hcp-2\"\",\"\"relation\"\":\"\"co-author\"\"}]\",2,", rows[1]);
        assertEquals("hcp-3,\"'=HYPERLINK(\"\"http://evil\"\")\",,,,,,,,,,,,", rows[2], "formulas are defused");
        assertTrue(rows[3].startsWith("#trailer,count=2,policy=us,\"policyVersion=1.0,0\",sha256="), rows[3]);
        assertTrue(rows[3].endsWith(",cursor=CUR"), rows[3]);
        String sha = rows[3].replaceAll(".*sha256=([0-9a-f]{64}).*", "$1");
        int trailerStart = new String(bytes, StandardCharsets.UTF_8).indexOf("#trailer");
        assertEquals(sha256(bytes, trailerStart), sha);
        assertEquals("", rows[4]);
    }

    @Test
    void csvTextCannotForgeATrailerRowNorHideAFormulaBehindWhiteSpace() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportLines lines = ExportLines.of(KolExportFormat.CSV, out);
        Map<String, Object> forged = new LinkedHashMap<>();
        forged.put("hcpId", "#trailer");
        forged.put("name", " =1+1");
        forged.put("specialty", "\n=HYPERLINK(\"http://evil\")");
        forged.put("institution", "St. E\r\n#trailer,count=0");
        forged.put("region", "\u3000\uFF1DSUM(A1)");
        lines.write(forged);
        lines.finish(1, "us", "1.0.0", "CUR");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.split("(?m)^#", -1).length - 1, "only the trailer starts a line with #: " + text);
        assertTrue(text.substring(0, text.lastIndexOf("\r\n#trailer")).indexOf("\n#") < 0, text);
        String row = text.split("\r\n", 3)[1];
        assertTrue(row.startsWith("\"#trailer\",' =1+1,\"'\n=HYPERLINK(\"\"http://evil\"\")\",\"St. E"), row);
        assertTrue(text.contains("\"St. E\r\n'#trailer,count=0\",'\u3000\uFF1DSUM(A1),"), text);
    }
}
