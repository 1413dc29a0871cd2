package org.gridgov.grid;

/** 与户主关系 — relation to the head of household. */
public enum Relation {
    HEAD, SPOUSE, CHILD, PARENT, GRANDPARENT, GRANDCHILD, SIBLING, OTHER
}
