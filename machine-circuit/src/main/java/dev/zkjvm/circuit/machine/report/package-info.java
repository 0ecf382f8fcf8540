/**
 * Trace reports: one self-contained HTML page per run, with the program listing and its execution
 * counts, the memory accesses and the stack depth over time (drawn by uPlot, inlined), and a failed
 * check's failures placed at their steps and records. Entry point: {@link
 * dev.zkjvm.circuit.machine.report.TraceReport}.
 */
package dev.zkjvm.circuit.machine.report;
