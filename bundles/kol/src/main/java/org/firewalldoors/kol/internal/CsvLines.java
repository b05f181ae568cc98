package org.firewalldoors.kol.internal;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.kol.KolExportSummary;

/**
 * RFC 4180 CSV (text/csv): a header row naming every exportable column, one
 * row per profile (a column the door withholds stays empty), then a trailer
 * row {@code #trailer,count=..,policy=..,policyVersion=..,sha256=..,cursor=..}.
 * Lists and objects are written as JSON text in their cell. A text cell that a
 * spreadsheet would run as a formula (starting with = + - @) is prefixed with
 * an apostrophe.
 */
final class CsvLines extends ExportLines {

    private static final String EOL = "\r\n";

    CsvLines(OutputStream out) {
        super(out);
    }

    @Override
    protected void header() throws IOException {
        writer.write(String.join(",", KolFields.EXPORTABLE));
        writer.write(EOL);
    }

    @Override
    protected void line(Map<String, Object> fields) throws IOException {
        boolean first = true;
        for (String column : KolFields.EXPORTABLE) {
            if (!first) {
                writer.write(',');
            }
            first = false;
            writer.write(cell(fields.get(column)));
        }
        writer.write(EOL);
    }

    @Override
    protected void trailer(KolExportSummary s) throws IOException {
        writer.write(String.join(",", List.of("#trailer", quote("count=" + s.count()), quote("policy=" + s.policy()),
                quote("policyVersion=" + s.policyVersion()), quote("sha256=" + s.sha256()),
                quote("cursor=" + s.cursor()))));
        writer.write(EOL);
    }

    static String cell(Object value) throws IOException {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return quote(defused(s));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        StringWriter json = new StringWriter();
        NdjsonLines.value(new JsonWriter(json), value);
        return quote(json.toString());
    }

    private static String defused(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    static String quote(String s) {
        boolean plain = s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                && (s.isEmpty() || (s.charAt(0) != ' ' && s.charAt(s.length() - 1) != ' '));
        return plain ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
