package org.gridgov.party;

import java.time.Instant;

/** An evaluation as recorded. */
public record EvaluationView(long id, int year, EvaluationSide side, RegistrationKind subjectKind,
                             long registrationId, String subjectName, EvaluationGrade grade, String comment,
                             String evaluatedBy, Instant evaluatedAt) {
}
