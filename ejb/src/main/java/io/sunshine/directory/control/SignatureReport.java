package io.sunshine.directory.control;

import java.time.Instant;

/**
 * What the platform found about one signature of a PDF.
 *
 * @param fieldName the signature field's fully qualified name
 * @param signerName the signer certificate's common name
 * @param signerCreditCode the 统一社会信用代码 in the signer certificate's subject, or null
 * @param certificateSerial the signer certificate's serial number in hex
 * @param signingTime the claimed signing time ({@code /M} of the signature dictionary)
 * @param signatureValid the CMS signature verifies and its message digest matches the signed bytes
 * @param certificateTrusted the signer certificate chains to a trust anchor and was valid then
 * @param coversWholeDocument the ByteRange runs to the end of the file
 * @param modifiedAfterSigning something other than a later signature was added or changed after
 *     this signature (including bytes appended after the last signature)
 * @param problem a short account of what is wrong, or null when nothing is
 */
public record SignatureReport(
        String fieldName,
        String signerName,
        String signerCreditCode,
        String certificateSerial,
        Instant signingTime,
        boolean signatureValid,
        boolean certificateTrusted,
        boolean coversWholeDocument,
        boolean modifiedAfterSigning,
        String problem) {

    /** Valid, trusted, and nothing changed since but later signatures. */
    public boolean intact() {
        return signatureValid && certificateTrusted && !modifiedAfterSigning;
    }
}
