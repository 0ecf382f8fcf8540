package dev.zkjvm.circuit.tables.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.check.Checker;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The translation is equivalent to its source, in both range layouts: on the same MAIN columns,
 * with one cell changed at a time (to a small value, a neighbour, or any field element), the
 * one-table checker and the table system's exact checker give the same verdict.
 */
class CheckerAgreementTest {
    private static final int MUTATIONS = 60;

    @Test
    @Tag("slow")     // both checkers on every single-cell change: the full suite runs it, -Pquick does not
    void verdictsAgreeUnderSingleCellChanges() {
        SplittableRandom random = new SplittableRandom(7);
        for (TranslationFixtures.Fixture f : List.of(new TranslationFixtures.Perm(), new TranslationFixtures.Squares(),
                new TranslationFixtures.Ranges(), new TranslationFixtures.FixedTables())) {
            for (RangeLayout layout : RangeLayout.values()) {
                assertAgreement(f, layout, random);
            }
        }
    }

    private static void assertAgreement(TranslationFixtures.Fixture f, RangeLayout layout, SplittableRandom random) {
        ConstraintSystem cs = f.system();
        TranslatedSystem t = TranslatedSystem.of(cs, x -> null, layout);
        Checker oneTable = new Checker(cs);
        TableSystemChecker tables = new TableSystemChecker(t.system());
        int rows = Math.max(16, cs.minRows());
        List<Column> cells = cs.columns(Phase.MAIN).stream().filter(c -> !c.name().startsWith("range")
                && !c.name().endsWith(".m")).toList();
        int rejected = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            long[][] columns = f.columns(rows);
            Column c = cells.get(random.nextInt(cells.size()));
            int row = random.nextInt(rows);
            long old = columns[c.index()][row];
            long value = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(1 << 17);
                case 1 -> Goldilocks.add(old, random.nextBoolean() ? 1 : Goldilocks.P - 1);
                default -> Long.remainderUnsigned(random.nextLong(), Goldilocks.P);
            };
            columns[c.index()][row] = value;
            boolean one = oneTable.check(witness(cs, columns, rows)).isSatisfied();
            boolean many = tables.check(t.trace(columns, rows)).isSatisfied();
            assertEquals(one, many, cs.name() + " (" + layout + "): " + c + " row " + row + " := "
                    + Long.toUnsignedString(value));
            rejected += one ? 0 : 1;
        }
        assertTrue(rejected > MUTATIONS / 3, cs.name() + ": only " + rejected + " changes broke the trace");
    }

    private static dev.zkjvm.circuit.witness.Witness witness(ConstraintSystem cs, long[][] columns, int rows) {
        WitnessBuilder w = WitnessBuilder.of(cs, rows);
        for (Column c : cs.columns(Phase.MAIN)) {
            if (columns[c.index()] != null) {
                w.set(c, columns[c.index()].clone());
            }
        }
        return w.build();
    }
}
