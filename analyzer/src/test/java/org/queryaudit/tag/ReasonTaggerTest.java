package org.queryaudit.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.queryaudit.reference.UsStates;

class ReasonTaggerTest {
    private final ReasonTagger tagger = new ReasonTagger(TagRules.shipped(), UsStates.shipped());

    private List<String> tags(String reason) {
        return tagger.tag(reason, null, null, "CA", List.of()).tags();
    }

    @Test
    void evidenceKeepsThePatternIdAndTheTextAsWritten() {
        Tagging t = tagger.tag("Assist ICE+ERO target", null, null, "CA", List.of());
        assertEquals(List.of("immigration"), t.tags());
        assertEquals("immigration:imm-ice-agency:reason=\"ICE+ERO\"", t.evidence().get(0));
    }

    private PurposeReading read(String reason) {
        return tagger.tag(reason, null, null, "IL", List.of()).reading();
    }

    /** Issue 27: who is assisted and what for, read apart (HSI works narcotics cases too). */
    @Test
    void theReadingSaysWhoIsAssistedAndWhatFor() {
        PurposeReading drugs = read("HSI Narcotics Investigation");
        assertEquals(List.of("ICE-HSI"), drugs.beneficiaries());
        assertEquals(PurposeReading.OTHER_OFFENCE, drugs.purpose());
        assertTrue(drugs.immigrationAgencyNamed());
        assertTrue(drugs.evidence().startsWith("other_offence:off-drugs:reason=\"Narcotics"), drugs.evidence());
        assertEquals(PurposeReading.OTHER_OFFENCE, read("Assist HSI child exploitation").purpose());
        assertEquals(PurposeReading.OTHER_OFFENCE, read("HSI Fraud Investigation").purpose());
        PurposeReading bare = read("HSI Req");
        assertEquals(List.of("ICE-HSI"), bare.beneficiaries());
        assertEquals(PurposeReading.NOT_STATED, bare.purpose(), "naming HSI states no purpose");
        assertEquals(null, bare.evidence());
        assertEquals(PurposeReading.IMMIGRATION, read("Drugs/immigration violations").purpose(),
                "an immigration purpose anywhere in the text wins over the offence beside it");
        assertEquals(PurposeReading.IMMIGRATION_CIVIL, read("ICE detainer").purpose());
        assertEquals(List.of("ICE"), read("ICE detainer").beneficiaries());
        assertEquals(List.of("ICE-HSI"), read("ICE HSI assist").beneficiaries(), "the part named beside its whole is kept, not both");
        assertEquals(PurposeReading.IMMIGRATION_CRIMINAL, read("8 USC 1326 illegal reentry").purpose());
        assertEquals(PurposeReading.IMMIGRATION_CRIMINAL,
                tagger.tag(null, null, "Immigration (criminal)", "IL", List.of()).reading().purpose());
        assertEquals(PurposeReading.IMMIGRATION_CIVIL,
                tagger.tag(null, null, "Immigration (civil/administrative)", "IL", List.of()).reading().purpose());
        PurposeReading car = read("stolen vehicle");
        assertEquals(List.of(), car.beneficiaries());
        assertEquals(PurposeReading.OTHER_OFFENCE, car.purpose());
        assertEquals(PurposeReading.NONE, read("investigation"), "a vague reason states neither agency nor purpose");
        assertEquals(List.of("FBI"), read("assist FBI").beneficiaries());
        assertTrue(!read("assist FBI").immigrationAgencyNamed());
    }

    @Test
    void aReasonCanCarrySeveralTags() {
        Tagging t = tagger.tag("HSI task force assist Reno NV PD", null, null, "CA", List.of());
        assertEquals(List.of("immigration", "federal_assist", "out_of_state_assist"), t.tags());
        assertTrue(t.evidence().stream().anyMatch(e -> e.startsWith("out_of_state_assist:oos-agency:reason=\"")), t.evidence().toString());
    }

    @Test
    void caseNumbersAndOffenseTypesAreReadToo() {
        assertEquals(List.of("immigration"), tagger.tag("investigation", "ERO-2025-118", null, "CA", List.of()).tags()
                .stream().filter(x -> !x.equals("vague_reason")).toList());
        assertEquals(List.of("immigration"), tagger.tag(null, null, "Immigration (civil/administrative)", "CA", List.of()).tags());
    }

    @Test
    void redactedReasonsAreNeitherTaggedNorMissing() {
        assertEquals(List.of(), tagger.tag("REDACTED ICE", null, null, "CA", List.of("reason")).tags());
        assertEquals(List.of("missing_reason"), tagger.tag(null, null, null, "CA", List.of()).tags());
    }

    @Test
    void theOwnersOwnStateIsNotOutOfState() {
        assertEquals(List.of(), tags("assist Sacramento CA PD"));
        assertEquals(List.of("out_of_state_assist"), tagger.tag("assist Sacramento CA PD", null, null, "WA", List.of()).tags());
        assertEquals(List.of(), tagger.tag("stolen car or truck near police", null, null, "CA", List.of()).tags(),
                "a state code only counts in capitals: 'or' is a word");
        assertEquals(List.of("out_of_state_assist"), tagger.tag("stolen car, assist Portland OR police", null, null, "CA",
                List.of()).tags());
    }

    /** Issue 13: state codes and agency words in capitals count only where the text's structure says so. */
    @Test
    void bareCodesInCapitalsAreNotStates() {
        assertEquals(List.of(), tags("SUSPECT IN VEH, PER SO"));
        assertEquals(List.of(), tags("stolen car, assist OR police"), "a bare OR beside no place of Oregon");
        assertEquals(List.of(), tags("DA REQUEST ME TO LOCATE VEH"));
        assertEquals(List.of("out_of_state_assist"), tags("ASSIST RENO NV PD"));
        assertEquals(List.of("out_of_state_assist"), tags("WASHOE CO SO NV"));
        assertEquals(List.of("out_of_state_assist"), tags("for Talent PD (Oregon)"));
        assertEquals(List.of("out_of_state_assist"), tags("ASSIST PORTLAND OR PD"));
    }

    @Test
    void iceAsThePartnerOfTheSearchIsImmigrationWhateverFollows() {
        assertEquals(List.of("immigration"), tags("assist ICE with narcotics investigation"));
        assertEquals(List.of("immigration"), tags("per ICE - narcotics"));
        assertEquals(List.of(), tags("poss of ice for sales"), "ICE the drug stays excluded");
        assertEquals(List.of(), tags("assist with ice sales case"));
    }

    @Test
    void theVisiblePartOfAPartlyRedactedReasonIsRead() {
        var markers = org.queryaudit.reference.RedactionMarkers.shipped();
        assertTrue(markers.isRedacted("REDACTED"));
        assertTrue(markers.isRedacted("[REDACTED]"));
        assertTrue(markers.isRedacted("REDACTED per GC 7923.600"));
        assertTrue(!markers.isRedacted("REDACTED - ICE detainer"), "partly redacted is not a marker");
        assertEquals(List.of("immigration"), tags("REDACTED - ICE detainer"));
    }

    @Test
    void repeatedReasonsGiveTheSameAnswer() {
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("immigration"), tags("ICE hold"));
        }
    }
}
