package org.gridgov.party;

/** 党员类别 — the categories a party organization counts its people by. */
public enum MemberCategory {

    /** 在职党员 — in service, employed; the members who register with the community where they live (双报到). */
    IN_SERVICE,
    /** 离退休党员 — retired. */
    RETIRED,
    /** 流动/流入党员 — floating or inflow members, whose membership is held elsewhere. */
    FLOATING,
    /** 无职党员 — members without a post in the organization. */
    WITHOUT_POST,
    /** 入党积极分子 — activists applying to join; not yet members. */
    ACTIVIST,
    /** 两代表一委员 — deputies to the party congress and the people's congress, and members of the CPPCC. */
    DEPUTY_OR_CPPCC_MEMBER
}
