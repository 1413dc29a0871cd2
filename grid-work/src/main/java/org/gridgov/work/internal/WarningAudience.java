package org.gridgov.work.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.SpecialGroup;

/**
 * Whom a warning aims at, as one SQL predicate over {@code grid.household h} with its bound parameters: under any of
 * the target paths, and — when colours or groups are given — of one of the colours or with a resident in one of the
 * groups. The same predicate counts the preview and selects the households the tasks are made for.
 */
record WarningAudience(String sql, List<Object> params) {

    static WarningAudience of(List<String> targetPaths, java.util.Set<HouseholdTag> colours,
                              java.util.Set<SpecialGroup> groups) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("h.unit_path like any (string_to_array(?, ','))");
        params.add(targetPaths.stream().map(p -> p + "%").collect(Collectors.joining(",")));
        List<String> audience = new ArrayList<>();
        if (!colours.isEmpty()) {
            audience.add("h.tag = any (string_to_array(?, ','))");
            params.add(colours.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        }
        if (!groups.isEmpty()) {
            audience.add("exists (select 1 from grid.resident r join grid.resident_special_group g"
                    + " on g.resident_id = r.id where r.household_id = h.id"
                    + " and g.special_group = any (string_to_array(?, ',')))");
            params.add(groups.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        }
        if (!audience.isEmpty()) {
            sql.append(" and (").append(String.join(" or ", audience)).append(')');
        }
        return new WarningAudience(sql.toString(), List.copyOf(params));
    }
}
