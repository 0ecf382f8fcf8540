package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.segment.SegmentRunner.Work;
import dev.zkjvm.circuit.machine.segment.SegmentWorkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One runner in Spark's local mode (two task threads) shared by the tests: order, progress, retries
 * and failures. Task closures are serialized, so the tests signal between attempts and items with
 * files, as they would have to across JVMs.
 */
class SparkSegmentRunnerTest {
    private static SparkSegmentRunner runner;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        runner = SparkSegmentRunner.local(2);
        System.out.println("local Spark context started in " + runner.startupMillis() + " ms");
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void resultsComeInItemOrderWhateverTheirCost() {
        List<Integer> items = IntStream.range(0, 8).boxed().toList();
        // Early items take longest, so they complete last.
        List<String> out = runner.map(items, i -> {
            Thread.sleep((8 - i) * 40L);
            return "r" + i * i;
        }, (i, ms) -> { });
        assertEquals(items.stream().map(i -> "r" + i * i).toList(), out);
        assertEquals("spark local[2,2]", runner.describe());
    }

    @Test
    void progressIsHeardOncePerItem() {
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        List<Long> out = runner.map(List.of(5L, 6L, 7L, 8L, 9L), x -> x * 10, (i, ms) -> heard.add(i));
        assertEquals(List.of(50L, 60L, 70L, 80L, 90L), out);
        List<Integer> sorted = new ArrayList<>(heard);
        Collections.sort(sorted);
        assertEquals(List.of(0, 1, 2, 3, 4), sorted);
    }

    @Test
    void progressIsHeardWhileTheJobStillRuns() throws IOException {
        Path firstDone = dir.resolve("first-done");
        String marker = firstDone.toString();
        // Item 1 finishes only once the driver has heard that item 0 is done.
        List<String> out = runner.map(List.of(0, 1), i -> {
            if (i == 1) {
                long end = System.currentTimeMillis() + 20_000;
                while (!Files.exists(Path.of(marker))) {
                    if (System.currentTimeMillis() > end) {
                        return "never heard of item 0";
                    }
                    Thread.sleep(20);
                }
            }
            return "item " + i;
        }, (i, ms) -> {
            if (i == 0) {
                try {
                    Files.createFile(firstDone);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }
        });
        assertEquals(List.of("item 0", "item 1"), out);
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndGivesTheSameResults() {
        String attempts = dir.toString();
        Work<Integer, Integer> flaky = i -> {
            if (i % 2 == 0 && new java.io.File(attempts, "tried-" + i).createNewFile()) {
                throw new IllegalStateException("first attempt at item " + i + " fails");
            }
            return i * 3;
        };
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        List<Integer> out = runner.map(List.of(0, 1, 2, 3, 4, 5), flaky, (i, ms) -> heard.add(i));
        assertEquals(List.of(0, 3, 6, 9, 12, 15), out);
        assertEquals(6, heard.size(), "each item heard once, retried or not: " + heard);
        for (int i : List.of(0, 2, 4)) {
            assertTrue(Files.exists(dir.resolve("tried-" + i)), "item " + i + " had a failed first attempt");
        }
    }

    @Test
    void anItemThatAlwaysFailsIsNamedAndTheRunnerStaysUsable() {
        Work<Integer, Integer> broken = i -> {
            if (i == 2) {
                throw new IllegalStateException("item two is broken");
            }
            return i;
        };
        SegmentWorkException e = assertThrows(SegmentWorkException.class,
                () -> runner.map(List.of(0, 1, 2, 3), broken, (i, ms) -> { }));
        assertTrue(e.getMessage().startsWith("segment work item 2 failed"), e.getMessage());
        assertTrue(e.getMessage().contains("item two is broken"), e.getMessage());
        assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(List.of(1, 2), runner.map(List.of(0, 1), i -> i + 1, (i, ms) -> { }));
    }

    @Test
    void noItemsNoJob() {
        assertEquals(List.of(), runner.map(List.<Integer>of(), i -> i, (i, ms) -> {
            throw new AssertionError("no item to hear of");
        }));
    }

    @Test
    void workThatCannotBeShippedIsRejectedBeforeAnyTask() {
        Object notSerializable = new Object();
        Work<Integer, String> work = i -> String.valueOf(notSerializable) + i;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runner.map(List.of(1), work, (i, ms) -> { }));
        assertTrue(e.getMessage().contains("not serializable"), e.getMessage());
    }
}
