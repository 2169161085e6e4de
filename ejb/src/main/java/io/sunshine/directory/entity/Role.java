package io.sunshine.directory.entity;

/** The seven roles of the platform (DESIGN.md §1). The name is the security role and group. */
public enum Role {
    /** 采购单位 */
    PURCHASER,
    /** 采购代理机构 / 集中采购机构 */
    AGENCY,
    /** 供应商 */
    SUPPLIER,
    /** 评审专家 */
    EXPERT,
    /** 财政部门 */
    FINANCE,
    /** 监管 (财政监督) */
    SUPERVISOR,
    /** 平台管理 */
    ADMIN;

    /** Every role name, for {@code @DeclareRoles} and checks that accept any signed-in user. */
    public static final String[] NAMES = {
        "PURCHASER", "AGENCY", "SUPPLIER", "EXPERT", "FINANCE", "SUPERVISOR", "ADMIN"
    };
}
