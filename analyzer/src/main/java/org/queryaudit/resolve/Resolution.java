package org.queryaudit.resolve;

import java.io.Serializable;

/**
 * Who asked, as far as the evidence goes.
 *
 * @param level       federal, state, local, tribal, private or unknown
 * @param state       the agency's home or location state (two letters), or null
 * @param department  for federal agencies: DHS, DOJ, ...
 * @param component   for federal agencies: ICE-ERO, ICE-HSI, CBP-USBP, FBI, ...
 * @param immigration whether the component enforces immigration law (ICE, ERO, HSI, CBP, USBP, USCIS)
 * @param basis       how it was known (see the directory README): the report says it
 * @param inactive    the vendor marks the organisation inactive or deactivated
 */
public record Resolution(String level, String state, String department, String component, boolean immigration,
                         String basis, boolean inactive) implements Serializable {
    public static final String FEDERAL = "federal";
    public static final String UNKNOWN = "unknown";
}
