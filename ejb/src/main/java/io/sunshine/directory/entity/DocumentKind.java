package io.sunshine.directory.entity;

/** What a supplier's qualification document is (资质文件). */
public enum DocumentKind {
    /** 营业执照 */
    LICENCE,
    /** 资质证书 (certificates, permits) */
    CERTIFICATE,
    /** 其他证明材料 */
    OTHER
}
