package io.sunshine.directory.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of organisation on the platform and the roles their users may hold. The finance bureau
 * runs the platform: its staff approve (FINANCE), supervise (SUPERVISOR) and administer (ADMIN),
 * and it keeps the expert pool (评审专家库, 实施条例 第62条), so review experts are registered under it.
 */
public enum OrganisationType {
    /** 财政部门 */
    FINANCE_BUREAU(EnumSet.of(Role.FINANCE, Role.SUPERVISOR, Role.ADMIN, Role.EXPERT)),
    /** 采购单位 */
    PURCHASING_UNIT(EnumSet.of(Role.PURCHASER)),
    /** 采购代理机构 */
    AGENCY(EnumSet.of(Role.AGENCY)),
    /** 供应商 */
    SUPPLIER(EnumSet.of(Role.SUPPLIER));

    private final Set<Role> allowedRoles;

    OrganisationType(Set<Role> allowedRoles) {
        this.allowedRoles = Set.copyOf(allowedRoles);
    }

    public Set<Role> allowedRoles() {
        return allowedRoles;
    }

    public boolean allows(Role role) {
        return allowedRoles.contains(role);
    }
}
