package dev.zkjvm.spark;

import java.io.Serializable;

/** One item's result with the milliseconds its work took, as a task sends it back. */
record TimedResult<R extends Serializable>(R value, long millis) implements Serializable {
}
