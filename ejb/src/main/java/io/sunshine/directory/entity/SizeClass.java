package io.sunshine.directory.entity;

/**
 * Enterprise size as a supplier declares it (《中小企业划型标准规定》, 工信部联企业〔2011〕300号); small and micro
 * enterprises get the price deduction of 财库〔2020〕46号.
 */
public enum SizeClass {
    /** 大型企业 */
    LARGE,
    /** 中型企业 */
    MEDIUM,
    /** 小型企业 */
    SMALL,
    /** 微型企业 */
    MICRO
}
