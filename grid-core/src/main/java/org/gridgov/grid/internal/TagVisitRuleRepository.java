package org.gridgov.grid.internal;

import org.gridgov.grid.HouseholdTag;
import org.springframework.data.jpa.repository.JpaRepository;

interface TagVisitRuleRepository extends JpaRepository<TagVisitRule, HouseholdTag> {
}
