package org.gridgov.grid;

import java.util.List;

/** 网格力量 — the people who work a grid. */
public interface GridStaffing {

    List<StaffView> staff(long unitId);
}
