package org.gridgov.party;

import java.math.BigDecimal;

/**
 * 双评议 sheet row: an approved registration with its year's service record (needs and wishes done or confirmed,
 * their hours) and both sides' grades (null until given).
 */
public record ServiceRecord(RegistrationKind kind, long registrationId, String name, String workUnit,
                            long communityId, String communityName, long itemsDone, BigDecimal hours,
                            EvaluationGrade communityGrade, String communityComment, EvaluationGrade workUnitGrade,
                            String workUnitComment) {
}
