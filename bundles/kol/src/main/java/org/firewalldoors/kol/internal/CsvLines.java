package org.firewalldoors.kol.internal;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;
import org.firewalldoors.api.kol.KolExportSummary;

/**
 * RFC 4180 CSV (text/csv): a header row naming every exportable column, one
 * row per profile (a column the door withholds stays empty), then a trailer
 * row {@code #trailer,count=..,policy=..,policyVersion=..,sha256=..,cursor=..}:
 * the only line of the export that starts with {@code #} (a cell that starts
 * with it is quoted). Lists and objects are written as JSON text in their cell.
 * A text cell that a spreadsheet would run as a formula (= + - @, also after
 * leading white space or a line break) is prefixed with an apostrophe.
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
    protected void line(Function<String, Object> fields) throws IOException {
        boolean first = true;
        for (String column : KolFields.EXPORTABLE) {
            if (!first) {
                writer.write(',');
            }
            first = false;
            writer.write(cell(fields.apply(column)));
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

    /**
     * Prefixes an apostrophe to a text a spreadsheet would run as a formula: one whose first character, after
     * any white space or control characters (which spreadsheets skip), is = + - @ or their full-width forms, or
     * that starts with a tab or carriage return. A line break inside a text followed by {@code #} gets one too,
     * so that no physical line of the export but the trailer starts with {@code #}.
     */
    static String defused(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))
                || Character.isISOControl(s.charAt(i)))) {
            i++;
        }
        boolean formula = i < s.length() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(s.charAt(i)) >= 0
                || !s.isEmpty() && "\t\r".indexOf(s.charAt(0)) >= 0;
        String text = s.replace("\n#", "\n'#").replace("\r#", "\r'#");
        return formula ? "'" + text : text;
    }

    /** RFC 4180 quoting; also of a cell that starts with {@code #}, so that no row starts like the trailer. */
    static String quote(String s) {
        boolean plain = s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                && (s.isEmpty() || (s.charAt(0) != ' ' && s.charAt(0) != '#' && s.charAt(s.length() - 1) != ' '));
        return plain ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
