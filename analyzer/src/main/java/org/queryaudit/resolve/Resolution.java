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
 * @param stateBasis  how the state was read and from what ("gazetteer: Richmond is a place in VA"), or null
 * @param stateAlternative the state another reading of the name gives ("" for none), or null when
 *                    the name reads one way only
 */
public record Resolution(String level, String state, String department, String component, boolean immigration,
                         String basis, boolean inactive, String stateBasis, String stateAlternative) implements Serializable {
    public static final String FEDERAL = "federal";
    public static final String UNKNOWN = "unknown";

    /** Whether a state basis as written in an event ("gazetteer: ...") is firm. */
    public static boolean firmState(String stateBasis) {
        if (stateBasis == null) {
            return false;
        }
        int colon = stateBasis.indexOf(':');
        return StateReading.firm(colon < 0 ? stateBasis : stateBasis.substring(0, colon));
    }
}
