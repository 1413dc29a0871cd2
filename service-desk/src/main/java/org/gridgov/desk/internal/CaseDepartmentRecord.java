package org.gridgov.desk.internal;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A department's part in a case (desk.case_department) as the case lists' criteria see it; written only by
 * {@link CaseStore} through {@link DepartmentParts}.
 */
@Entity
@Immutable
@Table(schema = "desk", name = "case_department")
class CaseDepartmentRecord {

    @Embeddable
    record Key(Long caseId, Integer seq, Long departmentId) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    private boolean lead;
    private long dispatcherUnitId;
    private Instant dispatchedAt;
    private Instant signedAt;
    private boolean signLate;
    private Instant reportedAt;
    private boolean late;
    private boolean returned;
    private boolean misdispatched;
    private int reworks;
    private int extensions;
    private String callback;
    private boolean current;
    private boolean open;
    private boolean overdue;
    private boolean shelved;

    protected CaseDepartmentRecord() {
    }
}
