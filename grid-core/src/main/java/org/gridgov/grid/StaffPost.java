package org.gridgov.grid;

/** 网格力量 — 网格长, 专职网格员 (A岗), 替补网格员 (B岗), 社区民警, 志愿者. */
public enum StaffPost {
    LEADER, A_POST, B_POST, POLICE, VOLUNTEER
}
