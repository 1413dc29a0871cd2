package org.gridgov.party;

/** The kind of a member unit of a joint organization (联合党组织的成员单位). */
public enum MemberUnitKind {
    /** 物业公司 */
    PROPERTY_COMPANY,
    /** 派出所/警务室 */
    POLICE_OFFICE,
    /** 学校 */
    SCHOOL,
    /** 企业 */
    ENTERPRISE,
    /** 其他 */
    OTHER
}
