package org.firewalldoors.api.kol;

/** The format of a KOL intelligence export. */
public enum KolExportFormat {
    /** JSON Lines: one profile per line, then one trailer line. */
    NDJSON("application/x-ndjson; charset=utf-8"),
    /** RFC 4180 CSV: a header row, one profile per row, then one trailer row. */
    CSV("text/csv; charset=utf-8");

    private final String mediaType;

    KolExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** @return the media type of an export in this format */
    public String mediaType() {
        return mediaType;
    }
}
