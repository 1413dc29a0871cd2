package org.gridgov.grid.internal;

import java.util.List;

import org.gridgov.grid.GridStaffing;
import org.gridgov.grid.StaffView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class StaffingService implements GridStaffing {

    private final HierarchyService hierarchy;
    private final GridStaffRepository staff;

    StaffingService(HierarchyService hierarchy, GridStaffRepository staff) {
        this.hierarchy = hierarchy;
        this.staff = staff;
    }

    @Override
    public List<StaffView> staff(long unitId) {
        hierarchy.load(unitId);
        return staff.activeOn(unitId).stream().map(GridStaffMember::view).toList();
    }
}
