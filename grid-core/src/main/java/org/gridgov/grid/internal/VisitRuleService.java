package org.gridgov.grid.internal;

import java.util.EnumMap;
import java.util.Map;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.VisitRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class VisitRuleService implements VisitRules {

    private final TagVisitRuleRepository rules;
    private final PlatformTime time;

    VisitRuleService(TagVisitRuleRepository rules, PlatformTime time) {
        this.rules = rules;
        this.time = time;
    }

    @Override
    public Map<HouseholdTag, Integer> intervals() {
        Map<HouseholdTag, Integer> intervals = new EnumMap<>(HouseholdTag.class);
        rules.findAll().forEach(rule -> intervals.put(rule.tag(), rule.intervalDays()));
        return intervals;
    }

    @Override
    @Transactional
    public void setInterval(HouseholdTag tag, int days, String updatedBy) {
        if (days < 1 || days > 366) {
            throw DomainException.onField(tag.name(), "visitRule.days.range", 1, 366);
        }
        rules.findById(tag).orElseThrow(() -> new IllegalStateException("no visit rule for " + tag))
                .change(days, updatedBy, time.now());
    }
}
