package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each item reported once, whichever of Spark's listener and the collected results comes first. */
class SparkMapProgressTest {
    @Test
    void reportsEachItemOnceAndKnowsWhatIsLeft() throws InterruptedException {
        List<String> heard = new ArrayList<>();
        MapProgress progress = new MapProgress(3, (i, ms) -> heard.add(i + ":" + ms));
        progress.done(1, 7);
        progress.done(1, 9);
        progress.done(5, 1);
        assertEquals(List.of("1:7"), heard);
        assertEquals(0, progress.firstUndone());
        assertFalse(progress.awaitAll(10));
        progress.failed(0);
        assertEquals(0, progress.lastFailed());
        progress.done(0, 3);
        assertEquals(2, progress.firstUndone());
        progress.done(2, 4);
        assertTrue(progress.awaitAll(0));
        assertEquals(3, progress.firstUndone());
        assertEquals(List.of("1:7", "0:3", "2:4"), heard);
    }
}
