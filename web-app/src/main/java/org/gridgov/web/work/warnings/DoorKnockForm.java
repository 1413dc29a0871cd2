package org.gridgov.web.work.warnings;

import org.gridgov.work.DoorKnockOutcome;

/** One door-knock task marked on the tablet: outcome, note, the version seen and the form's idempotency key. */
public class DoorKnockForm {

    private String idempotencyKey;
    private DoorKnockOutcome outcome;
    private String note;
    private Long version;

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public DoorKnockOutcome getOutcome() { return outcome; }
    public void setOutcome(DoorKnockOutcome outcome) { this.outcome = outcome; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
