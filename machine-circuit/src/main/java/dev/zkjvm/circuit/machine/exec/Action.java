package dev.zkjvm.circuit.machine.exec;

/** One step of an instruction's witness computation, replayed on every row that runs it. */
@FunctionalInterface
interface Action {
    void run(ExecRow<?> row);
}
