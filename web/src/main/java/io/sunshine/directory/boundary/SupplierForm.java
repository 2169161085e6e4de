package io.sunshine.directory.boundary;

import io.sunshine.directory.control.SupplierApplication;
import io.sunshine.directory.entity.SizeClass;
import java.io.Serializable;

/** The fields of the supplier registration form, shared by registration and resubmission pages. */
public class SupplierForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private String name;
    private String creditCode;
    private String legalRepresentative;
    private String contactName;
    private String contactPhone;
    private String contactEmail;
    private SizeClass sizeClass;
    private String bankName;
    private String bankAccountName;
    private String bankAccountNumber;
    private boolean declarationAccepted;

    /** The form pre-filled from a registration, to correct it (the declaration to accept anew). */
    static SupplierForm of(SupplierView s) {
        SupplierForm f = new SupplierForm();
        f.name = s.name();
        f.creditCode = s.creditCode();
        f.legalRepresentative = s.legalRepresentative();
        f.contactName = s.contactName();
        f.contactPhone = s.contactPhone();
        f.contactEmail = s.contactEmail();
        f.sizeClass = s.sizeClass();
        f.bankName = s.bankName();
        f.bankAccountName = s.bankAccountName();
        f.bankAccountNumber = s.bankAccountNumber();
        return f;
    }

    SupplierApplication toApplication() {
        return new SupplierApplication(
                name,
                creditCode,
                legalRepresentative,
                contactName,
                contactPhone,
                contactEmail,
                sizeClass,
                bankName,
                bankAccountName,
                bankAccountNumber,
                declarationAccepted);
    }

    public SizeClass[] getSizeClasses() {
        return SizeClass.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public void setLegalRepresentative(String legalRepresentative) {
        this.legalRepresentative = legalRepresentative;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public SizeClass getSizeClass() {
        return sizeClass;
    }

    public void setSizeClass(SizeClass sizeClass) {
        this.sizeClass = sizeClass;
    }

    public String getBankName() {
        return bankName;
    }

    public void setBankName(String bankName) {
        this.bankName = bankName;
    }

    public String getBankAccountName() {
        return bankAccountName;
    }

    public void setBankAccountName(String bankAccountName) {
        this.bankAccountName = bankAccountName;
    }

    public String getBankAccountNumber() {
        return bankAccountNumber;
    }

    public void setBankAccountNumber(String bankAccountNumber) {
        this.bankAccountNumber = bankAccountNumber;
    }

    public boolean isDeclarationAccepted() {
        return declarationAccepted;
    }

    public void setDeclarationAccepted(boolean declarationAccepted) {
        this.declarationAccepted = declarationAccepted;
    }
}
