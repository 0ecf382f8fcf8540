package dev.zkjvm.circuit.tables.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.Interaction;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.check.Occurrence;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.check.UnmatchedTuple;
import dev.zkjvm.circuit.tables.stark.TableKeys;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.stark.TableProver;
import dev.zkjvm.circuit.tables.stark.TableVerifier;
import dev.zkjvm.circuit.tables.stark.UnsatisfiedTablesException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Translated one-table systems: their shape (names kept, no argument columns, range tables
 * preprocessed), honest traces at heights 1 to 2^10 checked, proven and verified, and broken
 * traces (a range input out of range, a permutation that does not hold, a row constraint) refused by
 * the checker with the right name and by the prover.
 */
class TranslatedSystemTest {
    static final StarkConfig TEST = new StarkConfig(new FriParameters(4, 4, 8, 0, 7), HashAlgorithm.DEFAULT);

    private final TranslationFixtures.Ranges ranges = new TranslationFixtures.Ranges();
    private final TranslationFixtures.Perm perm = new TranslationFixtures.Perm();
    private final TranslationFixtures.Squares squares = new TranslationFixtures.Squares();
    private final TranslationFixtures.FixedTables fixedTables = new TranslationFixtures.FixedTables();

    @Test
    void mainTableKeepsTheOwnColumnsAndConstraintsByName() {
        TranslatedSystem t = TranslatedSystem.of(ranges.cs);
        Table main = t.mainTable();
        assertEquals("ranges", main.name());
        assertEquals(List.of("count", "x", "s", "y", "z", "w"), main.columns().stream().map(Column::name).toList());
        assertEquals(List.of("count.first", "count.step", "s.bool"),
                main.air().constraints().stream().map(Constraint::name).toList());
        assertEquals(1, main.minHeight(), "no range table floor");
        for (int bits : new int[] {4, 8, 16}) {
            Table r = t.rangeTable(bits);
            assertTrue(r.isPreprocessed());
            assertEquals(1 << bits, r.fixedHeight());
            assertEquals(List.of("range" + bits, "range" + bits + ".m"), r.columns().stream().map(Column::name).toList());
        }
        Set<String> interactions = t.system().interactions().stream().map(Interaction::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("x.range", "y.range", "z.range", "w.range", "range8", "range4", "range16"), interactions);
    }

    @Test
    void permutationAndLookupBecomeBusesOfTheMainTable() {
        TranslatedSystem p = TranslatedSystem.of(perm.cs);
        assertEquals(List.of("a", "sa", "b", "c", "sb"), p.mainTable().columns().stream().map(Column::name).toList());
        assertEquals(List.of("p.left", "p.right", "sb.range", "range4").stream().sorted().toList(),
                p.system().interactions().stream().map(Interaction::name).sorted().toList());
        TranslatedSystem l = TranslatedSystem.of(squares.cs);
        // the lookup's multiplicity stays beside the table tuple it counts
        assertEquals(Phase.MAIN, l.mainColumn(squares.cs.column("sq.m")).phase());
        assertEquals(List.of("sq.input", "sq.table"), l.system().interactionsOf(l.mainTable()).stream()
                .map(Interaction::name).filter(n -> n.startsWith("sq.")).toList());
        assertThrows(IllegalArgumentException.class, () -> l.mainColumn(squares.cs.column("range10.m")));
    }

    @Test
    void aLookupIntoARangeTableGetsAPreprocessedTableOfItsOwn() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("shared");
        Column v = b.main("v");
        b.rangeCheck("v.range", v.cur(), 4);
        b.lookup("v.lookup", v.cur(), b.rangeTable(4));
        TranslatedSystem t = TranslatedSystem.of(b.build());
        assertEquals(List.of("v"), t.mainTable().columns().stream().map(Column::name).toList());
        assertEquals(4, t.heightFor(3), "no floor from the range column");
        // the range batch's table is named range4, so the lookup's takes the lookup's name
        assertEquals(16, t.system().table("v.lookup.table").fixedHeight());
        assertEquals(16, t.rangeTable(4).fixedHeight());
    }

    @Test
    void lookupsIntoFixedColumnsShareAPreprocessedTableOfTheirOwn() {
        TranslatedSystem t = TranslatedSystem.of(fixedTables.cs);
        assertEquals(List.of("a", "b", "c", "d", "on", "pc", "op"),
                t.mainTable().columns().stream().map(Column::name).toList(), "no FIXED column, no multiplicity");
        assertEquals(1, t.mainTable().minHeight(), "the main table does not inherit the tables' heights");
        Table and = t.system().table("t");
        assertTrue(and.isPreprocessed());
        assertEquals(16, and.fixedHeight());
        // and2 (no selector) counts into the table's shared column; and1 (selector on) on a bus and
        // a column of its own, so that selectors of two lookups cannot cancel each other's sums
        assertEquals(List.of("t.x", "t.y", "t.and", "t.m", "and1.m"), and.columns().stream().map(Column::name).toList());
        Table rom = t.system().table("rom");
        assertEquals(8, rom.fixedHeight(), "five values padded to a power of two");
        assertEquals(List.of("rom.pc", "rom.op", "rom.m"), rom.columns().stream().map(Column::name).toList(),
                "a lookup alone shares its table's bus, selector or not");
        assertEquals(List.of("and2.input", "t", "and1.input", "t[and1]"), t.system().interactions().stream()
                .map(Interaction::name).filter(n -> n.startsWith("and") || n.startsWith("t")).toList());
        assertEquals(List.of("fetch.input", "rom"), t.system().interactions().stream().map(Interaction::name)
                .filter(n -> n.startsWith("fetch") || n.equals("rom")).toList());
        SystemTrace trace = t.trace(fixedTables.columns(16), 16);
        assertEquals(16, sum(trace.column(and, and.air().column("t.m"))), "and2 on all 16 rows");
        assertEquals(11, sum(trace.column(and, and.air().column("and1.m"))), "and1 on 11 of 16 rows");
    }

    @Test
    void selectorsOfTwoLookupsIntoOneFixedTableCannotCancel() {
        // 5 is not in t; selectors 1 and -1 on the same row would cancel on one shared bus
        ConstraintSystemBuilder k = ConstraintSystem.builder("cancel");
        Column a = k.main("a");
        Column b = k.main("b");
        Column s1 = k.main("s1");
        Column s2 = k.main("s2");
        Column t = k.fixed("t", new dev.zkjvm.circuit.air.FixedValues.Values(new long[] {0, 1, 2, 3}));
        k.lookup("l1", s1.cur(), List.of(a.cur()), List.of(t.cur()));
        k.lookup("l2", s2.cur(), List.of(b.cur()), List.of(t.cur()));
        k.rangeCheck("a.range", a.cur(), 4);
        ConstraintSystem cs = k.build();
        long[][] columns = new long[cs.columns().size()][];
        for (Column c : List.of(a, b, s1, s2)) {
            columns[c.index()] = new long[4];
        }
        columns[a.index()][0] = 5;
        columns[b.index()][0] = 5;
        columns[s1.index()][0] = 1;
        columns[s2.index()][0] = dev.zkjvm.circuit.field.Goldilocks.P - 1;
        TranslatedSystem tr = TranslatedSystem.of(cs);
        SystemTrace trace = tr.trace(columns, 4);
        TableSystemReport report = new TableSystemChecker(tr.system()).check(trace);
        assertFalse(report.isSatisfied(), report::toString);
        assertEquals(Set.of("t[l1]", "t[l2]"), report.unmatched().stream().map(UnmatchedTuple::bus)
                .collect(Collectors.toSet()));
        assertProverRefuses(tr, trace);
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    @Test
    void aFixedColumnReadElsewhereKeepsItsLookupInTheMainTable() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("shared");
        Column v = b.main("v");
        Column w = b.main("w");
        Column t = b.fixed("t", new dev.zkjvm.circuit.air.FixedValues.Values(new long[] {1, 2, 3}));
        b.lookup("v.lookup", v.cur(), t);
        b.everyRow("w.is.t", w.cur().sub(t.cur()));
        b.rangeCheck("v.range", v.cur(), 4);
        TranslatedSystem s = TranslatedSystem.of(b.build());
        assertEquals(List.of("v", "w", "t", "v.lookup.m"), s.mainTable().columns().stream().map(Column::name).toList());
        assertEquals(3, s.mainTable().minHeight(), "the lookup's table lives in the main table's rows");
    }

    @Test
    void aLookupMissingTheFixedTableIsRefusedByName() {
        TranslatedSystem t = TranslatedSystem.of(fixedTables.cs);
        long[][] c = fixedTables.columns(8);
        c[fixedTables.d.index()][5] = 2; // row 5: a = 1, b = 1, so and2 claims 1 & 1 = 2
        SystemTrace trace = t.trace(c, 8);
        UnmatchedTuple u = onlyUnmatched(new TableSystemChecker(t.system()).check(trace));
        assertEquals("t", u.bus());
        assertEquals("and2.input", u.occurrences().get(0).interaction());
        assertProverRefuses(t, trace);
        c = fixedTables.columns(8);
        c[fixedTables.op.index()][3] = 7; // pc 3 holds operation 5
        u = onlyUnmatched(new TableSystemChecker(t.system()).check(t.trace(c, 8)));
        assertEquals("rom", u.bus());
        assertEquals("fetch.input", u.occurrences().get(0).interaction());
    }

    @Test
    void aPartitionPutsColumnsInTablesOfTheirOwnHeights() throws InvalidProofException {
        TranslatedSystem t = TranslatedSystem.of(squares.cs,
                c -> List.of("in", "out", "on").contains(c.name()) ? "queries" : null);
        assertEquals(List.of("key", "square", "sq.m"), t.mainTable().columns().stream().map(Column::name).toList(),
                "the lookup's count stays with the tuple it counts");
        Table queries = t.system().table("queries");
        assertEquals(List.of("in", "out", "on"), queries.columns().stream().map(Column::name).toList());
        assertEquals(queries.index(), t.system().interactions().stream().filter(i -> i.name().equals("sq.input"))
                .findFirst().orElseThrow().table());
        assertEquals(queries.index(), t.system().interactions().stream().filter(i -> i.name().equals("in.range"))
                .findFirst().orElseThrow().table());
        assertEquals(8, t.heightFor("queries", 5));
        SystemTrace trace = t.trace(squares.columns(16), 16, java.util.Map.of("queries", 8));
        assertEquals(16, trace.height(t.mainTable()));
        assertEquals(8, trace.height(queries));
        TableSystemReport report = new TableSystemChecker(t.system()).check(trace);
        assertTrue(report.isSatisfied(), report::toString);
        TableKeys.ProvingKey key = TableKeys.derive(t.system(), TEST);
        TableProof proof = TableProver.prove(key, trace, PublicTuples.NONE);
        TableVerifier.verify(key.verifyingKey(), PublicTuples.NONE, TableProof.fromBytes(proof.toBytes()));
        // a query that is no row's square is refused as before
        long[][] c = squares.columns(16);
        c[squares.out.index()][1] = 11;
        assertProverRefuses(t, t.trace(c, 16, java.util.Map.of("queries", 8)));
        assertThrows(IllegalArgumentException.class, () -> t.trace(squares.columns(16), 16,
                java.util.Map.of("queries", 32)), "no taller than the main table");
        assertThrows(IllegalArgumentException.class, () -> t.heightFor("nothing", 4));
    }

    @Test
    void aConstraintAcrossTwoTablesOfAPartitionIsRefusedByName() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("split");
        Column a = b.main("a");
        Column c = b.main("c");
        b.everyRow("a.is.c", a.cur().sub(c.cur()));
        b.rangeCheck("a.range", a.cur(), 4);
        ConstraintSystem cs = b.build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TranslatedSystem.of(cs, col -> col.name().equals("a") ? "left" : null));
        assertTrue(e.getMessage().contains("constraint a.is.c reads columns of tables [split, left]"), e.getMessage());
    }

    @Test
    @Tag("slow")     // proves at eleven heights: the full suite runs it, -Pquick does not
    void honestTracesCheckProveAndVerifyAtHeights1To1024() throws InvalidProofException {
        for (TranslationFixtures.Fixture f : List.of(ranges, perm, squares, fixedTables)) {
            TranslatedSystem t = TranslatedSystem.of(f.system());
            TableSystemChecker checker = new TableSystemChecker(t.system());
            TableKeys.ProvingKey key = TableKeys.derive(t.system(), TEST);
            for (int rows = 1; rows <= 1024; rows <<= 1) {
                SystemTrace trace = t.trace(f.columns(rows), rows);
                assertEquals(rows, trace.height(t.mainTable()));
                TableSystemReport report = checker.check(trace);
                assertTrue(report.isSatisfied(), f.system().name() + " at " + rows + ": " + report);
                TableProof proof = TableProver.prove(key, trace, PublicTuples.NONE);
                TableVerifier.verify(key.verifyingKey(), PublicTuples.NONE, TableProof.fromBytes(proof.toBytes()));
            }
        }
    }

    @Test
    void rangeInputOutOfRangeIsRefusedByName() {
        TranslatedSystem t = TranslatedSystem.of(ranges.cs);
        long[][] c = ranges.columns(8);
        c[ranges.w.index()][3] = 65536; // row 3 is selected (3 % 3 == 0)
        SystemTrace trace = t.trace(c, 8);
        TableSystemReport report = new TableSystemChecker(t.system()).check(trace);
        assertFalse(report.isSatisfied());
        UnmatchedTuple u = onlyUnmatched(report);
        assertEquals("range16", u.bus());
        assertEquals(65536L, u.values()[0]);
        Occurrence at = u.occurrences().get(0);
        assertEquals(new Occurrence("w.range", "ranges", 3, dev.zkjvm.circuit.tables.Direction.SEND, 1, at.cells()), at);
        assertEquals(65536L, at.cells().get("w"), "the occurrence names the cell it reads: " + at);
        assertProverRefuses(t, trace);
    }

    @Test
    void unselectedRangeInputOutOfRangeIsAccepted() {
        TranslatedSystem t = TranslatedSystem.of(ranges.cs);
        long[][] c = ranges.columns(8);
        c[ranges.w.index()][4] = 65536; // row 4 is not selected
        assertTrue(new TableSystemChecker(t.system()).check(t.trace(c, 8)).isSatisfied());
    }

    @Test
    void brokenPermutationIsRefusedByName() {
        TranslatedSystem t = TranslatedSystem.of(perm.cs);
        long[][] c = perm.columns(16);
        c[perm.c.index()][2] += 1; // (b, c) of a selected row no longer (a, a²) of any even row
        SystemTrace trace = t.trace(c, 16);
        TableSystemReport report = new TableSystemChecker(t.system()).check(trace);
        assertFalse(report.isSatisfied());
        assertTrue(report.failureCounts().isEmpty(), report::toString);
        assertEquals(2, report.unmatchedCount(), report::toString);
        Set<String> names = report.unmatched().stream().flatMap(u -> u.occurrences().stream())
                .map(Occurrence::interaction).collect(Collectors.toSet());
        assertEquals(Set.of("p.left", "p.right"), names);
        assertTrue(report.unmatched().stream().allMatch(u -> u.bus().equals("p")));
        assertProverRefuses(t, trace);
    }

    @Test
    void brokenRowConstraintIsRefusedByName() {
        TranslatedSystem t = TranslatedSystem.of(ranges.cs);
        long[][] c = ranges.columns(4);
        c[ranges.count.index()][2] = 7;
        SystemTrace trace = t.trace(c, 4);
        TableSystemReport report = new TableSystemChecker(t.system()).check(trace);
        assertEquals(java.util.Map.of("ranges.count.step", 2L), report.failureCounts(), report::toString);
        assertEquals(0, report.unmatchedCount());
        assertProverRefuses(t, trace);
    }

    @Test
    void lookupOfAMissingTupleIsRefusedByName() {
        TranslatedSystem t = TranslatedSystem.of(squares.cs);
        long[][] c = squares.columns(8);
        c[squares.out.index()][1] = 11; // in = 2 at row 1, and 11 is no square of a key
        SystemTrace trace = t.trace(c, 8);
        TableSystemReport report = new TableSystemChecker(t.system()).check(trace);
        UnmatchedTuple u = onlyUnmatched(report);
        assertEquals("sq", u.bus());
        assertEquals("sq.input", u.occurrences().get(0).interaction());
        assertProverRefuses(t, trace);
    }

    @Test
    void aProofDoesNotVerifyForAnotherTranslation() {
        TranslatedSystem t = TranslatedSystem.of(ranges.cs);
        TableProof proof = TableProver.prove(t.trace(ranges.columns(8), 8), PublicTuples.NONE, TEST);
        assertTrue(TableVerifier.isValid(t.system(), TEST, PublicTuples.NONE, proof));
        TranslatedSystem other = TranslatedSystem.of(new TranslationFixtures.Ranges().cs);
        assertTrue(TableVerifier.isValid(other.system(), TEST, PublicTuples.NONE, proof), "same system, same key");
        assertFalse(TableVerifier.isValid(TranslatedSystem.of(perm.cs).system(), TEST, PublicTuples.NONE, proof));
    }

    @Test
    void flippedProofBytesAreRejected() throws InvalidProofException {
        TranslatedSystem t = TranslatedSystem.of(squares.cs);
        TableKeys.ProvingKey key = TableKeys.derive(t.system(), TEST);
        byte[] bytes = TableProver.prove(key, t.trace(squares.columns(4), 4), PublicTuples.NONE).toBytes();
        int accepted = 0;
        // every 7th byte: the header, the roots, the shares, the openings and FRI all get hit
        for (int i = 0; i < bytes.length; i += 7) {
            byte[] b = bytes.clone();
            b[i] ^= 0x10;
            try {
                if (TableVerifier.isValid(key.verifyingKey(), PublicTuples.NONE, TableProof.fromBytes(b))) {
                    accepted++;
                }
            } catch (InvalidProofException e) {
                // rejected while decoding
            }
        }
        assertEquals(0, accepted, "of " + (bytes.length + 6) / 7 + " flipped bytes");
    }

    @Test
    void ownConstraintsReadingAnArgumentsChallengeOrColumnAreRefused() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("reads_alpha");
        Column v = b.main("v");
        Lookup l = b.lookup("v.lookup", v.cur(), b.rangeTable(4));
        b.everyRow("v.alpha", v.cur().mul(l.alpha().expr()));
        ConstraintSystem alpha = b.build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TranslatedSystem.of(alpha));
        assertTrue(e.getMessage().contains("constraint v.alpha"), e.getMessage());
        ConstraintSystemBuilder c = ConstraintSystem.builder("reads_sum");
        Column w = c.main("w");
        Lookup k = c.lookup("w.lookup", w.cur(), c.rangeTable(4));
        c.everyRow("w.sum", k.runningSum().cur());
        ConstraintSystem sum = c.build();
        e = assertThrows(IllegalArgumentException.class, () -> TranslatedSystem.of(sum));
        assertTrue(e.getMessage().contains("constraint w.sum"), e.getMessage());
    }

    private static UnmatchedTuple onlyUnmatched(TableSystemReport report) {
        assertEquals(1, report.unmatchedCount(), report::toString);
        assertTrue(report.failureCounts().isEmpty(), report::toString);
        return report.unmatched().get(0);
    }

    private static void assertProverRefuses(TranslatedSystem t, SystemTrace trace) {
        UnsatisfiedTablesException e = assertThrows(UnsatisfiedTablesException.class,
                () -> TableProver.prove(trace, PublicTuples.NONE, TEST));
        assertFalse(e.report().isSatisfied());
    }
}
