package org.firewalldoors.api.host;

/** Whether an operation may take effect. */
public enum Verdict {
    /** It may, possibly with redactions and findings. */
    ALLOW,
    /** It may not; nothing is stored. */
    BLOCK
}
