package org.queryaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queryaudit.TestSpark;
import org.queryaudit.base.HadoopFiles;
import org.queryaudit.classify.AccessAgreements;
import org.queryaudit.classify.SharingIndex;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.evaluate.LegalProcess;
import org.queryaudit.evaluate.RuleBook;
import org.queryaudit.evaluate.RuleEvaluator;
import org.queryaudit.ingest.EventIngest;
import org.queryaudit.ingest.FileBinding;
import org.queryaudit.ingest.FileSlice;
import org.queryaudit.ingest.InputPlan;
import org.queryaudit.ingest.InputPlanner;
import org.queryaudit.ingest.InputRequest;
import org.queryaudit.ingest.PersonalData;
import org.queryaudit.ingest.ProfileCatalog;
import org.queryaudit.ingest.RowKind;
import org.queryaudit.ingest.Share;
import org.queryaudit.ingest.SharingReader;
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.Period;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.ResolveColumns;
import org.queryaudit.model.TagColumns;
import org.queryaudit.model.ViolationColumns;
import org.queryaudit.reference.MessageKeys;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;
import org.queryaudit.resolve.AgencyDirectory;
import org.queryaudit.resolve.AgencyResolver;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.tag.ReasonTagger;
import org.queryaudit.tag.TagRules;

/**
 * Issue 18: the engine derives a row without Spark. ARCHITECTURE.md's walk-through, run: Los
 * Altos CA PD's real-format audit row of a U.S. Border Patrol search, read, resolved, tagged,
 * classified and evaluated by the same classes the pass runs on the executors.
 */
class EventDerivationTest {
    private static final Path SAMPLES = TestSpark.root().resolve("sample-logs");

    @Test
    void theArchitecturePagesEventIsDerivedWithoutASparkSession() {
        UsStates states = UsStates.shipped();
        RedactionMarkers markers = RedactionMarkers.shipped();
        AgencyDirectory directory = AgencyDirectory.shipped();
        InputPlan plan = new InputPlanner(ProfileCatalog.builtIn(), states, HadoopFiles.configuration(), null, null).plan(List.of(
                InputRequest.given(SAMPLES.resolve("flock/9_1_2025-9_30_2025-Los Altos CA PD-Network-Audit.csv").toString(), "auto", false),
                new InputRequest(SAMPLES.resolve("sharing/SharedNetworks_2025_September_30-Los_Altos.csv").toString(), "sharing.csv",
                        "flock-shared-networks", "Los Altos CA PD", "CA", "test", true)));
        List<Share> shares = SharingReader.read(plan.sharing().get(0), HadoopFiles.configuration(), markers).shares();
        AccessAgreements agreements = AccessAgreements.shipped();
        SensitiveValues sensitive = SensitiveValues.of(false, null, List.of("a digest of the inputs"));
        EventDerivation engine = new EventDerivation(new ResolveStage(new AgencyResolver(directory, states)),
                new ReasonTagger(TagRules.shipped(), states), new SharingIndex(shares),
                new RuleEvaluator(RuleBook.load(null), LegalProcess.shipped(), agreements, states), sensitive,
                new Period(null, null, null), MessageKeys.shipped(), agreements);

        Iterator<Object[]> parsed = EventIngest.rows(List.of(FileSlice.whole(FileBinding.of(plan.events().get(0)))).iterator(), states,
                markers, PersonalData.shipped(), directory.destinations());
        List<Object[]> derived = new ArrayList<>();
        int quarantined = 0;
        while (parsed.hasNext()) {
            Object[] p = parsed.next();
            if (EventDerivation.isQuarantined(p)) {
                quarantined++;
            } else {
                derived.add(engine.derive(p));
            }
        }
        assertEquals(0, quarantined);
        Object[] usbp = derived.stream().filter(v -> "U.S. Border Patrol".equals(v[col(QueryEvent.REQUESTER_NAME)])).findFirst().orElseThrow();
        assertEquals("Los Altos CA PD", usbp[col(QueryEvent.OWNER_AGENCY)]);
        assertEquals("CA", usbp[col(QueryEvent.OWNER_STATE)]);
        assertEquals("2025-09", usbp[col(QueryEvent.MONTH)]);
        assertEquals(34L, usbp[col(QueryEvent.SOURCE_LINE)], "the row's first physical line");
        assertEquals(2, usbp[col(QueryEvent.SOURCE_LINES)], "its quoted time frame holds a line end");
        assertEquals("federal", usbp[col(ResolveColumns.LEVEL)]);
        assertEquals("CBP-USBP", usbp[col(ResolveColumns.COMPONENT)]);
        assertEquals(true, usbp[col(ResolveColumns.IMMIGRATION)]);
        assertEquals(List.of("immigration"), usbp[col(TagColumns.TAGS)]);
        assertEquals("alpr", usbp[col(ClassifyColumns.DATA_CLASS)]);
        assertEquals("back_door", usbp[col(ClassifyColumns.PATHWAY)]);
        @SuppressWarnings("unchecked")
        List<Finding> findings = (List<Finding>) usbp[col(ViolationColumns.VIOLATIONS)];
        assertEquals(List.of("CA-ALPR-SB34"), findings.stream().map(Finding::ruleId).toList());
        assertTrue(findings.get(0).explanation().startsWith("U.S. Border Patrol searched Los Altos CA PD's ALPR data on 2025-09-03"),
                findings.get(0).explanation());
        assertNotEquals("1AJF102", usbp[col(QueryEvent.TARGET)], "the plate is hashed by default");
        assertEquals(RowKind.EVENT, usbp[col(RowKind.COLUMN)]);
        assertFalse(derived.stream().anyMatch(v -> v[col(QueryEvent.TARGET)] != null && v[col(QueryEvent.TARGET)].equals("1AJF102")));
    }

    private static int col(String name) {
        return EventDerivation.SCHEMA.fieldIndex(name);
    }
}
